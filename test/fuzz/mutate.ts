/**
 * Seeded mutations of rule files, for the fuzzer (rules.test.ts). Each takes a text and a random
 * source and returns a new text: the small edits a typing person makes (a byte flipped, a token
 * deleted or swapped, text spliced from another file, a file cut short), the odd encodings files
 * arrive in (a byte-order mark, CRLF, odd Unicode), and the extremes a generator writes (nesting
 * 10,000 levels deep, sets of thousands of members, numbers of hundreds of digits).
 */

export type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const at = (random: Random, text: string): number => Math.floor(random() * (text.length + 1));

/** The text cut into tokens and the space between them, so token edits keep the rest intact. */
function tokens(text: string): string[] {
  return text.match(/\s+|"(?:[^"\\\n]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*|[0-9][0-9.:-]*|./gsu) ?? [];
}

const ODD = ['\u0000', '\uFEFF', '\u200B', '\u202E', '\uD800', '\uFFFD', '𝔘', '¥', '元', '，', '：', '（', '」', '\t', '\r', '\\', '"""', '@', '#', '##'];
const KEYWORDS = ['policy', 'decision', 'outcome', 'when', 'otherwise', 'fact', 'enum', 'let', 'const', 'import', 'not', 'and', 'or', 'in', '->', '{', '}', '(', ')', 'between', 'deadline', 'require', 'now', 'unique', 'as'];

/** Sizes of the extreme mutations: the normal run stays quick, the long run (`npm run fuzz`) goes to the limits. */
const LONG = process.env.SOPWRIGHT_FUZZ_LONG === '1';
const NESTING = LONG ? [100, 1_000, 10_000] : [70, 300];
const CHAIN = LONG ? [300, 3_000] : [100, 300];
const SET = LONG ? [1_000, 20_000] : [100, 1_000];

/** Edits that keep a file well formed but change what it says: the mutants that still compile. */
const meaningful: Readonly<Record<string, (text: string, random: Random) => string>> = {
  tweakNumber: (t, r) => {
    const ts = tokens(t);
    const numbers = ts.map((tok, k) => [tok, k] as const).filter(([tok]) => /^[0-9]+(\.[0-9]+)?$/.test(tok));
    if (numbers.length === 0) return t;
    const [tok, k] = pick(r, numbers);
    ts[k] = String(Math.max(0, Math.round(Number(tok) + pick(r, [-1, 1, 10, -10, 0.5]) * (1 + Math.floor(r() * 3)))));
    return ts.join('');
  },
  flipOperator: (t, r) => {
    const ops = [...t.matchAll(/ (==|!=|<=|>=|<|>|and|or) /g)];
    if (ops.length === 0) return t;
    const m = pick(r, ops);
    const to = pick(r, ['==', '!=', '<=', '>=', '<', '>', 'and', 'or'].filter((o) => (['and', 'or'].includes(m[1]) ? ['and', 'or'] : ['==', '!=', '<=', '>=', '<', '>']).includes(o)));
    return `${t.slice(0, m.index!)} ${to} ${t.slice(m.index! + m[0].length)}`;
  },
  dropBranch: (t, r) => {
    const lines = t.split('\n');
    const whens = lines.map((l, k) => [l, k] as const).filter(([l]) => /^\s*(when|otherwise)\b/.test(l));
    if (whens.length === 0) return t;
    lines.splice(pick(r, whens)[1], 1);
    return lines.join('\n');
  },
  swapBranches: (t, r) => {
    const lines = t.split('\n');
    const whens = lines.map((l, k) => [l, k] as const).filter(([l]) => /^\s*when\b/.test(l));
    if (whens.length < 2) return t;
    const i = pick(r, whens)[1];
    const j = pick(r, whens)[1];
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  },
};

export const mutations: Readonly<Record<string, (text: string, random: Random, other: string) => string>> = {
  flipByte: (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.length === 0 ? t : t.slice(0, i) + String.fromCharCode(t.charCodeAt(i) ^ (1 << Math.floor(r() * 7))) + t.slice(i + 1);
  },
  deleteToken: (t, r) => {
    const ts = tokens(t);
    ts.splice(Math.floor(r() * ts.length), 1 + Math.floor(r() * 3));
    return ts.join('');
  },
  swapTokens: (t, r) => {
    const ts = tokens(t);
    const i = Math.floor(r() * ts.length);
    const j = Math.floor(r() * ts.length);
    [ts[i], ts[j]] = [ts[j], ts[i]];
    return ts.join('');
  },
  insertKeyword: (t, r) => {
    const i = at(r, t);
    return `${t.slice(0, i)} ${pick(r, KEYWORDS)} ${t.slice(i)}`;
  },
  duplicateLine: (t, r) => {
    const lines = t.split('\n');
    const i = Math.floor(r() * lines.length);
    lines.splice(i, 0, lines[i]);
    return lines.join('\n');
  },
  splice: (t, r, other) => {
    const from = at(r, other);
    const i = at(r, t);
    return t.slice(0, i) + other.slice(from, from + 1 + Math.floor(r() * 200)) + t.slice(i);
  },
  truncate: (t, r) => t.slice(0, at(r, t)),
  oddUnicode: (t, r) => {
    const i = at(r, t);
    return t.slice(0, i) + pick(r, ODD) + t.slice(i);
  },
  bomAndCrlf: (t, r) => (r() < 0.5 ? '\uFEFF' : '') + t.replace(/\n/g, r() < 0.5 ? '\r\n' : '\r'),
  deepNesting: (t, r) => {
    const depth = pick(r, NESTING);
    const open = pick(r, ['(', 'not ', '-', 'not (']);
    const i = t.indexOf('when ');
    const inner = `${open.repeat(depth)}x${')'.repeat(open.includes('(') ? depth : 0)}`;
    return i < 0 ? inner + t : `${t.slice(0, i + 5)}${inner} and ${t.slice(i + 5)}`;
  },
  longChain: (t, r) => {
    const n = pick(r, CHAIN);
    const i = t.indexOf('when ');
    const chain = Array.from({ length: n }, (_, k) => `x${k}`).join(pick(r, [' + ', ' and ', ' or ', ' * ']));
    return i < 0 ? chain + t : `${t.slice(0, i + 5)}${chain} > 1 and ${t.slice(i + 5)}`;
  },
  hugeSet: (t, r) => {
    const i = t.indexOf('when ');
    const set = `x in {${Array.from({ length: pick(r, SET) }, (_, k) => `m${k}`).join(', ')}}`;
    return i < 0 ? set + t : `${t.slice(0, i + 5)}${set} or ${t.slice(i + 5)}`;
  },
  hugeNumber: (t, r) => {
    const ts = tokens(t);
    const numbers = ts.map((tok, k) => [tok, k] as const).filter(([tok]) => /^[0-9]/.test(tok));
    const big = pick(r, ['9'.repeat(400), '1e308', '0.' + '0'.repeat(300) + '1', '90071992547409.93', '-0', '１２３']);
    if (numbers.length === 0) return `${big}${t}`;
    ts[pick(r, numbers)[1]] = big;
    return ts.join('');
  },
  badImport: (t, r) => `import "${pick(r, ['.', '..', '/dev/null', '/dev/zero', 'missing.sop', 'policy.sop', 'lib/../policy.sop', ''])}"\n${t}`,
};

const names = Object.keys(mutations);
const meaningfulNames = Object.keys(meaningful);

/**
 * Random mutations of `text` and their names (for the failure message): half the time one to
 * three edits that keep it well formed (so the evaluators get work), otherwise one to three of
 * any kind.
 */
export function mutate(text: string, random: Random, corpus: readonly string[]): { text: string; applied: string[] } {
  const applied: string[] = [];
  let out = text;
  const count = 1 + Math.floor(random() * 3);
  const kind = random() < 0.5 ? 'meaningful' : 'any';
  for (let k = 0; k < count; k++) {
    if (kind === 'meaningful') {
      const name = pick(random, meaningfulNames);
      applied.push(name);
      out = meaningful[name](out, random);
    } else {
      const name = pick(random, names);
      applied.push(name);
      out = mutations[name](out, random, pick(random, corpus));
    }
  }
  return { text: out, applied };
}
