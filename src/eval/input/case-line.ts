import type { DecisionGraph, Value } from '../../graph/graph.js';
import { fastFacts, plainValue, prototypePolluted, type FastFact } from './case-reader.js';

/**
 * The one-pass reader of a JSON case line, generated per policy: it scans the line's JSON and
 * reads each field as it meets it — the key matched against the policy's fact ids by code
 * written for them, a repeated key caught, the value checked by the case reader's own fast check
 * (`plainValue`; yes/no and enum members matched in place) — instead of `JSON.parse`, a second
 * walk for repeated keys and long numbers, and a third to read the case.
 *
 * It answers only for a line that is plainly a valid case: a flat JSON object of known facts,
 * each written once, each value plainly valid. It gives what the full path (`JSON.parse` +
 * `readCase`) gives that line, as a record of run-time values (fact id → value, undefined for a
 * fact not given; the compiled evaluator reads records faster than Maps). For anything else —
 * bad JSON, a repeated key, an unknown field, an escape or a control character in a string, a
 * number with an exponent or more than 15 digits (read as written by the full path), a value the
 * fast check does not take — it answers undefined and the line is read by the full path, which
 * explains every problem. So both paths accept the same lines with the same values and give the
 * same errors; test/eval/case-line.test.ts holds them to it on random and mutated lines.
 */

/** A case read from a line: fact id → run-time value; a fact not given is undefined. */
export type CaseRecord = Readonly<Record<string, Value>>;

/**
 * Reads one JSON Lines line, the UTF-8 bytes `b[from…to)`, as a case; undefined: "not plainly
 * valid here, read it in full". The byte at `to` must be the line's end (`\n` or `\r`): matches
 * of known text may look at it, and no key or member holds either. Bytes, not text: a line that
 * takes this path is never decoded (a string is cut only for a text value), and a loop over
 * bytes costs a fraction of one over `charCodeAt` here.
 */
export type CaseLineReader = (b: Buffer, from: number, to: number) => CaseRecord | undefined;

/** What the generated code calls: token readers and the case reader's fast check. */
interface Helpers {
  /** Index after the JSON white space at `i` (at most `to`). */
  ws(b: Buffer, i: number, to: number): number;
  /** A string token whose opening quote is at `i`: index after its closing quote (value in `v`), or -1. */
  str(b: Buffer, i: number, to: number): number;
  /** Any value token but an object or array: index after it (value in `v`), or -1. */
  val(b: Buffer, i: number, to: number): number;
  /** The value of the last token read. */
  v: unknown;
  readonly plain: typeof plainValue;
  readonly polluted: typeof prototypePolluted;
}

const QUOTE = 34;
const BACKSLASH = 92;
const MINUS = 45;
const DOT = 46;

/** 10^k for the fraction digits of a short number: exact doubles, so m / 10^k rounds as parsing does. */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

function helpers(): Helpers {
  const h: Helpers = {
    v: undefined,
    plain: plainValue,
    polluted: prototypePolluted,
    ws(b, i, to) {
      while (i < to) {
        const c = b[i];
        if (c === 32 || c === 9 || c === 10 || c === 13) i++;
        else return i;
      }
      return i;
    },
    str(b, i, to) {
      for (let j = i + 1; j < to; j++) {
        const c = b[j];
        if (c === QUOTE) {
          // UTF-8 resynchronises on every ASCII byte, so the token decodes as it does within the whole line.
          h.v = utf8(b, i + 1, j);
          return j + 1;
        }
        // An escape is left to the full path; a raw control character is not JSON.
        if (c === BACKSLASH || c < 32) return -1;
      }
      return -1;
    },
    val(b, i, to) {
      const c = b[i];
      if (c === QUOTE) return h.str(b, i, to);
      if (c === 116) return word(b, i, TRUE) ? ((h.v = true), i + 4) : -1;
      if (c === 102) return word(b, i, FALSE) ? ((h.v = false), i + 5) : -1;
      if (c === 110) return word(b, i, NULL) ? ((h.v = null), i + 4) : -1;
      return number(h, b, i);
    },
  };
  return h;
}

const TRUE = [116, 114, 117, 101];
const FALSE = [102, 97, 108, 115, 101];
const NULL = [110, 117, 108, 108];

function word(b: Buffer, i: number, w: readonly number[]): boolean {
  for (let k = 0; k < w.length; k++) if (b[i + k] !== w[k]) return false;
  return true;
}

/** The text of `b[from…to)`; malformed UTF-8 becomes U+FFFD, as in the full path. */
function utf8(b: Buffer, from: number, to: number): string {
  return b.toString('utf8', from, to);
}

/**
 * A JSON number at `i` with at most 15 digits and no exponent: `h.v` = the double `JSON.parse`
 * gives (an integer ÷ a power of ten, both exact, so the quotient is the correctly rounded
 * decimal). -1 for anything else, a longer number included (the full path reads it as written).
 */
function number(h: Helpers, b: Buffer, i: number): number {
  let j = i;
  const negative = b[j] === MINUS;
  if (negative) j++;
  const start = j;
  let m = 0;
  let c = b[j];
  if (c === 48) c = b[++j];
  else {
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      c = b[++j];
    }
  }
  if (j === start) return -1;
  let digits = j - start;
  let decimals = 0;
  if (c === DOT) {
    const fraction = ++j;
    c = b[j];
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      c = b[++j];
    }
    decimals = j - fraction;
    if (decimals === 0) return -1;
    digits += decimals;
  }
  // An exponent, or a digit after a leading zero (`01`, not JSON): the full path decides.
  if (digits > 15 || c === 101 || c === 69 || (c >= 48 && c <= 57)) return -1;
  const x = decimals === 0 ? m : m / POW10[decimals];
  h.v = negative ? -x : x;
  return j;
}

const readers = new WeakMap<DecisionGraph, CaseLineReader | null>();

/**
 * The line reader of a policy, generated once per graph; undefined when the policy has a fact
 * the generated record cannot hold (`__proto__`), whose lines all take the full path.
 */
export function caseLineReader(graph: DecisionGraph): CaseLineReader | undefined {
  let reader = readers.get(graph);
  if (reader === undefined) {
    const facts = fastFacts(graph);
    reader = facts.has('__proto__') || ![...facts.keys()].every(plainKey) ? null : generate(facts);
    readers.set(graph, reader);
  }
  return reader ?? undefined;
}

/** A text a line writes as it is, so the generated code can match it in place: not empty, no quote, backslash or control character. */
function plainKey(s: string): boolean {
  // Written as UTF-8 exactly (no lone surrogate, no U+FFFD that malformed bytes would also decode to).
  return s.length > 0 && !/["\\\u0000-\u001f\ufffd]/.test(s) && Buffer.from(s, 'utf8').toString('utf8') === s;
}

/** The reader's code: one `case` per first character of a fact id, each value read by its fact's kind. */
function generate(facts: ReadonlyMap<string, FastFact>): CaseLineReader {
  const ids = [...facts.keys()];
  const q = (s: string) => JSON.stringify(s);
  const bytes = (s: string) => [...Buffer.from(s, 'utf8')];
  const byFirst = new Map<number, number[]>();
  ids.forEach((id, k) => byFirst.set(bytes(id)[0], [...(byFirst.get(bytes(id)[0]) ?? []), k]));
  // The UTF-8 bytes of `s` from `from` (then a closing quote when `quoted`) at `b[i…]`, as one condition.
  const matches = (s: string, from: number, quoted = true) => {
    const u = bytes(s);
    return u.slice(from).map((c, k) => `b[i + ${from + k}] === ${c}`).concat(quoted ? [`b[i + ${u.length}] === 34`] : []).join(' && ');
  };
  const valueCode = (k: number): string => {
    const fact = facts.get(ids[k]) as FastFact;
    const set = `r[${q(ids[k])}]`;
    if (fact.kind === 'bool') {
      return [
        `if (${matches('true', 0, false)}) { ${set} = true; i += 4; }`,
        `else if (${matches('false', 0, false)}) { ${set} = false; i += 5; }`,
        `else if (${matches('null', 0, false)}) i += 4;`,
        'else return undefined;',
      ].join('\n');
    }
    if (fact.kind === 'enum' && fact.members !== null && fact.members.size > 0 && [...fact.members].every(plainKey)) {
      // A member is matched in place, quotes included: no string is cut out of the line.
      const members = [...fact.members].sort((a, b) => b.length - a.length);
      return [
        'if (b[i] === 34) {',
        '  i++;',
        ...members.map((m, j) => `  ${j === 0 ? '' : 'else '}if (${matches(m, 0)}) { ${set} = ${q(m)}; i += ${bytes(m).length + 1}; }`),
        '  else return undefined;',
        `} else if (${matches('null', 0, false)}) i += 4;`,
        'else return undefined;',
      ].join('\n');
    }
    return [
      'i = h.val(b, i, to);',
      'if (i < 0) return undefined;',
      `if (h.v !== null) { const x = h.plain(F[${k}], h.v); if (x === undefined) return undefined; ${set} = x; }`,
    ].join('\n');
  };
  const keyCases = [...byFirst].map(([first, ks]) => [
    `case ${first}:`,
    ...ks
      .sort((a, b) => ids[b].length - ids[a].length)
      .map((k) => [
        `  if (${matches(ids[k], 1)}) {`,
        `    if (s${k}) return undefined;`,
        `    s${k} = true;`,
        `    i = h.ws(b, i + ${bytes(ids[k]).length + 1}, to);`,
        '    if (b[i] !== 58) return undefined;',
        '    i = h.ws(b, i + 1, to);',
        ...valueCode(k).split('\n').map((l) => `    ${l}`),
        '    break;',
        '  }',
      ].join('\n')),
    '  return undefined;',
  ].join('\n'));
  const body = [
    '"use strict";',
    'return function readCaseLine(b, from, to) {',
    '  if (h.polluted()) return undefined;',
    `  const r = { ${ids.map((id) => `${q(id)}: undefined`).join(', ')} };`,
    ids.length > 0 ? `  let ${ids.map((_, k) => `s${k} = false`).join(', ')};` : '',
    '  let i = h.ws(b, from, to);',
    '  if (b[i] !== 123) return undefined;',
    '  i = h.ws(b, i + 1, to);',
    '  if (b[i] === 125) return h.ws(b, i + 1, to) === to ? r : undefined;',
    '  for (;;) {',
    '    if (i >= to || b[i] !== 34) return undefined;',
    '    i++;',
    '    switch (b[i]) {',
    ...keyCases.map((c) => c.split('\n').map((l) => `      ${l}`).join('\n')),
    '      default:',
    '        return undefined;',
    '    }',
    '    i = h.ws(b, i, to);',
    '    const c = i < to ? b[i] : -1;',
    '    if (c === 44) i = h.ws(b, i + 1, to);',
    '    else if (c === 125) return h.ws(b, i + 1, to) === to ? r : undefined;',
    '    else return undefined;',
    '  }',
    '};',
  ].join('\n');
  const factory = new Function('h', 'F', body) as (h: Helpers, f: readonly FastFact[]) => CaseLineReader;
  return factory(helpers(), ids.map((id) => facts.get(id) as FastFact));
}
