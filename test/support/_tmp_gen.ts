import { generateScaledPolicy, generateRandomPolicy } from '../../test/support/generate-policy.js';
import { compileSources } from '../../src/check/check.js';
import { analyseDecisions } from '../../src/check/checks/decision-analysis.js';
const which = process.argv[2];
if (which === 'rnd') { console.log(generateRandomPolicy(Number(process.argv[3]))); process.exit(0); }
const N = Number(process.argv[3] ?? 1000);
const src = generateScaledPolicy(N, 1);
if (which === 'print') { console.log(src.slice(0, 3000)); process.exit(0); }
let t0 = performance.now();
const r = compileSources('b.sop', { 'b.sop': src });
let t1 = performance.now();
const diags = analyseDecisions(r.graph!);
let t2 = performance.now();
console.log(`N=${N} lines=${src.split('\n').length} compile ${(t1 - t0).toFixed(0)}ms analyse ${(t2 - t1).toFixed(0)}ms; compile diags ${r.diagnostics.length}, analysis diags ${diags.length}`);
for (const d of [...r.diagnostics, ...diags].slice(0, 5)) console.log(d.code, d.message);
