import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSources, type CompileResult } from '../../src/check/check.js';
import type { Reference } from '../../src/check/references.js';
import { ParseCache } from '../../src/syntax/parse-cache.js';
import { parseRules } from '../../src/syntax/parse.js';
import type { SourceFile } from '../../src/source/source-file.js';

/** A three-file policy: the entry imports a vocabulary file and a file of outcomes. */
const files: Record<string, string> = {
  'shop.sop': `import "vocab.sop"
import "outcomes.sop"
policy shop "小店" { start triage }
let cheap = price <= small "便宜"
decision triage "分流" {
  when problem == missing and cheap -> refund as cheap_missing
  when problem in {damaged} and level == severity.severe -> inspect
  otherwise -> refund
}
`,
  'vocab.sop': `enum kind "类型" { missing "少货"  damaged "破损" }
enum severity "程度" { minor "轻"  severe "重" }
fact problem: kind "类型"
fact level: severity "程度"
fact price: money "价格"
const small = 30 CNY "小额"
department finance "财务"
const days = 3 days "时限"
`,
  'outcomes.sop': `outcome refund "退款" { owner finance  deadline days }
outcome inspect "检验" { owner finance }
`,
};

/** A parse cache that logs which files it parses. */
function countingCache(): { cache: ParseCache; parsed: string[] } {
  const parsed: string[] = [];
  const cache = new ParseCache((file: SourceFile) => {
    parsed.push(file.path);
    return parseRules(file);
  });
  return { cache, parsed };
}

/** Each reference as `file: use text → symbol id (kind) declared at "declared text"`. */
function describeRefs(result: CompileResult): string[] {
  const text = (span: Reference['span']) => result.sources.get(span.file)!.text.slice(span.start, span.end);
  return result.references.references.map((r) => `${r.span.file}: ${text(r.span)} → ${r.symbol.id} (${r.symbol.kind}) at ${r.symbol.span.file}:"${text(r.symbol.span)}"`);
}

describe('recompiling with a parse cache', () => {
  it('parses only the edited file again, and gives the same result as a fresh compile', () => {
    const { cache, parsed } = countingCache();
    const first = compileSources('shop.sop', files, { parseCache: cache });
    expect(first.graph).toBeDefined();
    expect(parsed).toEqual(['shop.sop', 'vocab.sop', 'outcomes.sop']);

    const unchanged = compileSources('shop.sop', files, { parseCache: cache });
    expect(parsed).toHaveLength(3);
    expect(unchanged.graph).toEqual(first.graph);

    const edited = { ...files, 'outcomes.sop': files['outcomes.sop'].replace('"检验"', '"退回检验"') };
    const second = compileSources('shop.sop', edited, { parseCache: cache });
    expect(parsed).toEqual(['shop.sop', 'vocab.sop', 'outcomes.sop', 'outcomes.sop']);
    expect(cache.parses).toBe(4);
    expect(second.graph?.outcomes.inspect.label['zh-CN']).toBe('退回检验');
    // Differential: the cached compile is the compile without a cache.
    const fresh = compileSources('shop.sop', edited);
    expect(second.graph).toEqual(fresh.graph);
    expect(second.diagnostics).toEqual(fresh.diagnostics);
    expect(describeRefs(second)).toEqual(describeRefs(fresh));
  });

  it('re-parses a file that goes from broken to fixed, and reports the errors of the broken one', () => {
    const { cache, parsed } = countingCache();
    const broken = { ...files, 'vocab.sop': files['vocab.sop'].replace('const small = 30 CNY', 'const small = = 30 CNY') };
    const bad = compileSources('shop.sop', broken, { parseCache: cache });
    expect(bad.graph).toBeUndefined();
    // Every error in one run (issue 13): the decision with the syntax error is named as not judged.
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['graph/not-judged', 'syntax/unexpected-token']);
    const good = compileSources('shop.sop', files, { parseCache: cache });
    expect(good.graph).toBeDefined();
    expect(parsed).toEqual(['shop.sop', 'vocab.sop', 'outcomes.sop', 'vocab.sop']);
  });
});

describe('what compile gives tools', () => {
  const result = compileSources('shop.sop', files);

  it('returns the syntax tree of each file, entry first', () => {
    expect([...result.files.keys()]).toEqual(['shop.sop', 'vocab.sop', 'outcomes.sop']);
    expect(result.files.get('outcomes.sop')!.declarations.map((d) => d.name.text)).toEqual(['refund', 'inspect']);
  });

  it('returns the symbol table, with members, named branches and outcome values qualified', () => {
    expect([...result.symbols.values()].map((s) => `${s.id} ${s.kind}`)).toEqual([
      'cheap let', 'triage decision', 'triage.cheap_missing branch',
      'kind enum', 'kind.missing member', 'kind.damaged member', 'severity enum', 'severity.minor member', 'severity.severe member',
      'problem fact', 'level fact', 'price fact', 'small const', 'finance department', 'days const',
      'refund outcome', 'inspect outcome',
    ]);
  });

  it('indexes every use of a name with the declaration it resolves to', () => {
    expect(describeRefs(result)).toEqual([
      'outcomes.sop: finance → finance (department) at vocab.sop:"finance"',
      'outcomes.sop: days → days (const) at vocab.sop:"days"',
      'outcomes.sop: finance → finance (department) at vocab.sop:"finance"',
      'shop.sop: triage → triage (decision) at shop.sop:"triage"',
      'shop.sop: price → price (fact) at vocab.sop:"price"',
      'shop.sop: small → small (const) at vocab.sop:"small"',
      'shop.sop: problem → problem (fact) at vocab.sop:"problem"',
      'shop.sop: missing → kind.missing (member) at vocab.sop:"missing"',
      'shop.sop: cheap → cheap (let) at shop.sop:"cheap"',
      'shop.sop: refund → refund (outcome) at outcomes.sop:"refund"',
      'shop.sop: problem → problem (fact) at vocab.sop:"problem"',
      'shop.sop: damaged → kind.damaged (member) at vocab.sop:"damaged"',
      'shop.sop: level → level (fact) at vocab.sop:"level"',
      'shop.sop: severity → severity (enum) at vocab.sop:"severity"',
      'shop.sop: severe → severity.severe (member) at vocab.sop:"severe"',
      'shop.sop: inspect → inspect (outcome) at outcomes.sop:"inspect"',
      'shop.sop: refund → refund (outcome) at outcomes.sop:"refund"',
      'vocab.sop: kind → kind (enum) at vocab.sop:"kind"',
      'vocab.sop: severity → severity (enum) at vocab.sop:"severity"',
    ]);
  });

  it('finds the reference under a cursor and every use of a symbol', () => {
    const text = files['shop.sop'];
    const at = text.indexOf('cheap ->');
    expect(result.references.at('shop.sop', at + 2)?.symbol.id).toBe('cheap');
    expect(result.references.at('shop.sop', at + 'cheap'.length)?.symbol.id).toBe('cheap');
    expect(result.references.at('shop.sop', text.indexOf('->'))).toBeUndefined();
    expect(result.references.to('refund').map((r) => `${r.span.file}:${r.span.start}`)).toEqual([
      `shop.sop:${text.indexOf('refund as')}`,
      `shop.sop:${text.lastIndexOf('refund')}`,
    ]);
  });
});

describe('the reference index of a policy with errors', () => {
  it('still indexes every name that resolves, next to an unknown name, a type error and a syntax error', () => {
    const broken = {
      ...files,
      'shop.sop': `${files['shop.sop']
        .replace('when problem == missing and cheap', 'when problm == missing and cheap')
        .replace('level == severity.severe', 'level == price')}
decision extra "多余" { when price > -> refund }
`,
    };
    const result = compileSources('shop.sop', broken);
    expect(result.graph).toBeUndefined();
    // Every error in one run (issue 13): the syntax error, the unknown name and the type error, and
    // the two decisions they touch named as not judged.
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(['graph/not-judged', 'graph/not-judged', 'resolve/unknown-name', 'syntax/unexpected-token', 'type/mismatch']);
    const refs = describeRefs(result).filter((r) => r.startsWith('shop.sop'));
    expect(refs).toEqual([
      'shop.sop: triage → triage (decision) at shop.sop:"triage"',
      'shop.sop: price → price (fact) at vocab.sop:"price"',
      'shop.sop: small → small (const) at vocab.sop:"small"',
      // `problm` resolves to nothing; `missing` is the member of one enum only.
      'shop.sop: missing → kind.missing (member) at vocab.sop:"missing"',
      'shop.sop: cheap → cheap (let) at shop.sop:"cheap"',
      'shop.sop: refund → refund (outcome) at outcomes.sop:"refund"',
      'shop.sop: problem → problem (fact) at vocab.sop:"problem"',
      'shop.sop: damaged → kind.damaged (member) at vocab.sop:"damaged"',
      'shop.sop: level → level (fact) at vocab.sop:"level"',
      'shop.sop: price → price (fact) at vocab.sop:"price"',
      'shop.sop: inspect → inspect (outcome) at outcomes.sop:"inspect"',
      'shop.sop: refund → refund (outcome) at outcomes.sop:"refund"',
    ]);
    // The branch recovery could not complete is left out of the tree; its decision is there.
    const extra = result.files.get('shop.sop')!.declarations.find((d) => d.name.text === 'extra');
    expect(extra).toMatchObject({ kind: 'decision', branches: [] });
  });

  it('indexes a name used as the wrong kind, so go-to-definition still finds it', () => {
    const wrong = { ...files, 'shop.sop': files['shop.sop'].replace('-> inspect', '-> price') };
    const result = compileSources('shop.sop', wrong);
    expect(result.diagnostics.map((d) => d.code)).toContain('resolve/unknown-target');
    const at = files['shop.sop'].indexOf('-> inspect') + 3;
    expect(result.references.at('shop.sop', at)?.symbol).toMatchObject({ id: 'price', kind: 'fact' });
  });
});

describe('compiling any text for tools', () => {
  it('never throws, and every reference lies in its file and points at a symbol of the table', () => {
    const fragments = fc.constantFrom(
      'policy p {', 'start d', '}', 'enum e {', 'a', 'b', 'fact f: e', 'fact m: money', 'const c = 3 CNY', 'let l = m > c',
      'decision d {', 'when', 'f == a', 'l', 'e.b', 'f in {a, b}', '->', 'o', 'd', 'as', 'n', 'otherwise', 'outcome o {',
      'owner', 'deadline', 'c', 'value v = m', 'department', 'x', '"t"', '==', '(', ')', '\n', 'import "lib.sop"',
    );
    const texts = fc.array(fragments, { maxLength: 40 }).map((parts) => parts.join(' '));
    let seen = 0;
    fc.assert(
      fc.property(texts, texts, (entry, lib) => {
        const result = compileSources('p.sop', { 'p.sop': entry, 'lib.sop': lib });
        seen += result.references.references.length;
        for (const r of result.references.references) {
          const text = result.sources.get(r.span.file)!.text;
          expect(r.span.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(r.span.start, r.span.end)).toBe(r.symbol.name);
          expect(result.symbols.get(r.symbol.id)).toBe(r.symbol);
        }
      }),
      { numRuns: 200 },
    );
    expect(seen).toBeGreaterThan(0);
  });
});
