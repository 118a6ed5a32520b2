import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { compile } from '../../src/check/check.js';
import type { DecisionGraph } from '../../src/graph/graph.js';
import { repoRoot } from '../support/cli.js';

const cache = new Map<string, DecisionGraph>();

/** Compiles a policy (path relative to the repository root) once per test file; fails on errors. */
export function loadGraph(path: string): DecisionGraph {
  const known = cache.get(path);
  if (known) return known;
  const result = compile(path, {
    readFile: (p) => {
      try {
        return readFileSync(join(repoRoot, p), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  if (!result.graph) throw new Error(`${path} does not compile:\n${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}`);
  cache.set(path, result.graph);
  return result.graph;
}

/** The fixture policy of the eval tests. */
export const SHOP = 'test/fixtures/eval/shop.sop';

/**
 * A frozen copy of the reference policy (rules/after-sales.sop): tests of the engine use it, so a
 * shop that edits its own rules/ does not break them (see test/fixtures/reference/README.md).
 */
export const REFERENCE = 'test/fixtures/reference/after-sales.sop';

/** A stream that keeps what is written to it as text (a batch run's output). */
export class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}
