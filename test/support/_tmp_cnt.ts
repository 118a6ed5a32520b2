import { generateScaledPolicy } from './generate-policy.js';
import { compileSources } from '../../src/check/check.js';
import { analyseGraph } from '../../src/check/solver/analyse.js';
const r = compileSources('b.sop', { 'b.sop': generateScaledPolicy(10000, 1) });
analyseGraph(r.graph!);
const g = globalThis as any;
console.log('queries', g.Q, 'solves', g.S, 'parts', g.P, 'decisions', Object.keys(r.graph!.decisions).length);
