/** The compiled evaluator: a checked decision graph as specialised JavaScript. */
export { compileEvaluator, type CaseFacts, type CompiledEvaluator, type Verdict } from './compile-evaluator.js';
export type { FactAccess } from '../../../backends/js/expressions.js';
