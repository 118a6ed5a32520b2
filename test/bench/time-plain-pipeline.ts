import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { dueText, fromTimeRecord } from './time-cases.js';
import { decideTimeByHand } from './time-hand-written.js';

/**
 * The yardstick of the time batch benchmark: readline, JSON.parse, `Date.parse` of the ISO
 * moments, the hand-written function, the due moment as ISO text, JSON.stringify. Validates nothing.
 *
 * Usage: node time-plain-pipeline.mjs INPUT.jsonl OUTPUT
 */

const [input, output] = process.argv.slice(2);
const out = createWriteStream(output);
const lines = createInterface({ input: createReadStream(input), crlfDelay: Infinity });
let n = 0;
for await (const line of lines) {
  n++;
  const r = decideTimeByHand(fromTimeRecord(JSON.parse(line) as Record<string, string>));
  if (!out.write(`${JSON.stringify({ line: n, outcome: r.outcome, due: dueText(r.due) })}\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'close');
