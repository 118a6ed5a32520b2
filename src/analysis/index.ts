/**
 * The path analysis: one public entry for everything that reasons about which cases take which
 * branches. The graph checks use it today; semantic diff and SQL export will use the same entry.
 */
export { analyseGraph, type DecisionAnalysis, type Finding, type Witness } from './solver/analyse.js';
export { pathConditions, type PathConditions } from './path-conditions.js';
export type { OpaqueAtom } from './solver/formula.js';
export { describeBranch, printExpr } from './solver/print-expr.js';
export { negativeValues, neverNegative, type NegativeFinding } from './solver/negative.js';
export { limitCanHold } from './limit-query.js';
