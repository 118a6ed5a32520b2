import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { MONEY_FACTS } from './cases.js';
import { decideByHand, type HandCase } from './hand-written.js';

/**
 * The yardstick of the whole-process benchmark: the plain Node pipeline one would write instead
 * of `sopwright eval --cases` — readline, JSON.parse, money from yuan to fen, the hand-written
 * function, JSON.stringify, one write per line (awaiting `drain`). It validates nothing.
 *
 * Usage: node plain-pipeline.mjs INPUT.jsonl OUTPUT
 */

const [input, output] = process.argv.slice(2);
const out = createWriteStream(output);
const lines = createInterface({ input: createReadStream(input), crlfDelay: Infinity });
let n = 0;
for await (const line of lines) {
  n++;
  const c = JSON.parse(line) as Record<string, unknown>;
  for (const m of MONEY_FACTS) c[m] = Math.round((c[m] as number) * 100);
  const r = decideByHand(c as unknown as HandCase);
  if (!out.write(`${JSON.stringify({ line: n, outcome: r.outcome, values: r.values })}\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'close');
