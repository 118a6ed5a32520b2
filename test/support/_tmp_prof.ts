import { generateScaledPolicy } from './generate-policy.js';
import { compileSources } from '../../src/check/check.js';
import { analyseGraph } from '../../src/check/solver/analyse.js';
const src = generateScaledPolicy(10000, 1);
const r = compileSources('b.sop', { 'b.sop': src });
for (let i = 0; i < 3; i++) {
  const g = structuredClone(r.graph!);
  const t = performance.now();
  analyseGraph(g);
  console.log('analyse', (performance.now() - t).toFixed(0));
}
