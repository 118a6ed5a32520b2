import { generateScaledPolicy } from './generate-policy.js';
import { compileSources } from '../../src/check/check.js';
import { analyseGraph } from '../../src/check/solver/analyse.js';
import { pathConditions } from '../../src/check/checks/path-conditions.js';
const N = Number(process.argv[2] ?? 10000);
const src = generateScaledPolicy(N, 1);
const r = compileSources('b.sop', { 'b.sop': src });
const ps: number[] = [], as: number[] = [];
for (let i = 0; i < Number(process.argv[3] ?? 15); i++) {
  const g = { ...r.graph! };
  const t1 = performance.now();
  pathConditions(g);
  const t2 = performance.now();
  analyseGraph(g);
  const t3 = performance.now();
  ps.push(t2 - t1); as.push(t3 - t2);
  if (i === 0) console.log(`cold: paths ${(t2 - t1).toFixed(0)} analyse ${(t3 - t2).toFixed(0)}`);
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(0);
console.log(`N=${N} paths min ${Math.min(...ps).toFixed(0)} med ${med(ps)}; analyse min ${Math.min(...as).toFixed(0)} med ${med(as)}`);
