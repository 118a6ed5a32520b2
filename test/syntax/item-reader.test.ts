import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CstNode, IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { sourceFile } from '../../src/source/source-file.js';
import { readItem } from '../../src/syntax/item-reader.js';
import { scan } from '../../src/syntax/lexer.js';
import { tooDeeplyNested } from '../../src/syntax/nesting.js';
import { itemKeywords, plainParser, type ItemCstNode } from '../../src/syntax/parser.js';
import { lowerItems, type FileLowering } from '../../src/syntax/to-ast.js';
import { Import } from '../../src/syntax/tokens.js';
import { mutate } from '../fuzz/mutate.js';
import { generateRandomPolicy, generateScaledPolicy, seededRandom } from '../support/generate-policy.js';

/**
 * The hand-written item reader (src/syntax/item-reader.ts) against Chevrotain's parser, item by
 * item as `parseItems` cuts a file: the reader accepts exactly the items Chevrotain parses without
 * error, and lowering makes the same AST and the same diagnostics, in the same order, of both
 * trees (compared as JSON, so key order counts, and structurally). Run on every .sop file of the
 * repository, generated policies, text mutants of all of them (the fuzzer's edits) and token
 * mutants (a token dropped, doubled, swapped or put elsewhere), which probe each choice the
 * grammar makes.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const files = ['test', 'rules']
  .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((p) => join(root, dir, p)))
  .filter((p) => p.endsWith('.sop'))
  .sort()
  .map((p) => readFileSync(p, 'utf8'));
const generated = [generateScaledPolicy(200, 3), ...Array.from({ length: 40 }, (_, i) => generateRandomPolicy(i + 1, { opaque: i % 2 === 0 }))];
const corpus = [...files, ...generated];

/** Counts of items compared, and the rules seen in the trees Chevrotain built for them. */
interface Tally {
  accepted: number;
  rejected: number;
  rules?: Set<string>;
}

function collectRules(node: CstNode, into: Set<string>): void {
  into.add(node.name);
  for (const list of Object.values(node.children)) for (const child of list) if (!('image' in child)) collectRules(child, into);
}

/** What lowering made of the last item added: its AST node and the problems it added, as text. */
function lastLowered(lowering: FileLowering, problemsBefore: number): string {
  const { ast, diagnostics } = lowering.finish();
  return JSON.stringify([ast.imports.at(-1), ast.declarations.at(-1), ast.broken, diagnostics.slice(problemsBefore)]);
}

/**
 * Parses the items of a file that hold any of the tokens from `from` to `to` (all, by default) both
 * ways, item by item as `parseItems` cuts them, and lowers each clean item's two trees side by side.
 */
function compareItems(text: string, tally: Tally, label: string, from = 0, to = Infinity): void {
  const file = sourceFile('test.sop', text);
  const { tokens, docComments } = scan(file);
  // Too deep for Chevrotain's recursion: parseRules parses nothing then (nesting.ts).
  if (tooDeeplyNested(file, tokens)) return;
  const byChevrotain = lowerItems(file, docComments);
  const byReader = lowerItems(file, docComments);
  let start = 0;
  while (start < tokens.length && start <= to) {
    let end = start + 1;
    while (end < tokens.length && !itemKeywords.has(tokens[end].tokenType)) end++;
    if (end <= from) {
      start = end;
      continue;
    }
    const parser = plainParser();
    parser.input = tokens.slice(start, end);
    const expected = tokens[start].tokenType === Import ? parser.import() : parser.declaration();
    const clean = parser.errors.length === 0;
    const read = readItem(file, tokens, start, end)?.item;
    const item = tokens.slice(start, end).map((token) => token.image).join(' ');
    if (clean !== (read !== undefined)) expect.fail(`${label}: item \`${item}\`: Chevrotain ${clean ? 'parses it' : 'rejects it'}, the reader ${read ? 'reads it' : 'gives up'}`);
    if (clean) {
      const before = byChevrotain.finish().diagnostics.length;
      byChevrotain.add(expected as ItemCstNode);
      byReader.add(read as ItemCstNode);
      const [want, got] = [lastLowered(byChevrotain, before), lastLowered(byReader, before)];
      if (want !== got) expect.fail(`${label}: item \`${item}\` lowers differently\nreader:     ${got}\nChevrotain: ${want}`);
      if (tally.rules) collectRules(expected, tally.rules);
      tally.accepted++;
    } else tally.rejected++;
    start = end;
  }
  const [want, got] = [byChevrotain.finish(), byReader.finish()];
  expect(got).toStrictEqual(want);
}

/**
 * One or two edits close together, each a token dropped, doubled, swapped with its neighbour, or
 * replaced by a copy of another token of the file; the tokens are written out again, one space
 * apart, so the mutant is a file the lexer reads. Gives the mutant and where the edits are.
 */
function mutateTokens(tokens: readonly IToken[], random: () => number): { text: string; at: number } {
  const out = tokens.map((token) => token.image);
  const at = Math.floor(random() * out.length);
  const edits = 1 + Math.floor(random() * 2);
  for (let e = 0; e < edits && out.length > 1; e++) {
    const i = Math.min(out.length - 1, at + e);
    const kind = Math.floor(random() * 4);
    if (kind === 0) out.splice(i, 1);
    else if (kind === 1) out.splice(i, 0, out[i]);
    else if (kind === 2 && i + 1 < out.length) [out[i], out[i + 1]] = [out[i + 1], out[i]];
    else out[i] = tokens[Math.floor(random() * tokens.length)].image;
  }
  return { text: out.join(' '), at };
}

describe('the item reader builds the CST Chevrotain builds, and gives up where Chevrotain finds an error', () => {
  it('on every .sop file of the repository and on generated policies', () => {
    const tally: Tally = { accepted: 0, rejected: 0, rules: new Set() };
    corpus.forEach((text, i) => compareItems(text, tally, `file ${i}`));
    expect(tally.accepted).toBeGreaterThan(1500);
    // Every rule but `file` (parseItems never asks for it) was compared at least once.
    expect([...tally.rules!].sort()).toEqual(Object.keys(plainParser().getGAstProductions()).filter((rule) => rule !== 'file').sort());
  });

  it('on text mutants of them (the fuzzer\'s edits)', () => {
    const random = seededRandom(16);
    const tally: Tally = { accepted: 0, rejected: 0 };
    for (let n = 0; n < 150; n++) {
      const base = files[Math.floor(random() * files.length)];
      compareItems(mutate(base, random, files).text, tally, `text mutant ${n}`);
    }
    expect(tally.rejected).toBeGreaterThan(15);
  });

  it('on token mutants: a token dropped, doubled, swapped or replaced', () => {
    const random = seededRandom(61);
    const tally: Tally = { accepted: 0, rejected: 0 };
    for (let n = 0; n < 800; n++) {
      const { tokens } = scan(sourceFile('test.sop', corpus[Math.floor(random() * corpus.length)]));
      if (tokens.length < 2) continue;
      const { text, at } = mutateTokens(tokens, random);
      // The items around the edits; the others are the file's own, compared above.
      compareItems(text, tally, `token mutant ${n}`, at - 1, at + 2);
    }
    expect(tally.rejected).toBeGreaterThan(150);
  });
});
