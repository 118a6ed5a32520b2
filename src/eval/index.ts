/** The eval stage's public API: read a case, evaluate it, describe the result. */
export { evaluate, type EvaluateOptions } from './engines/interpreter.js';
export { caseSchema, caseValidator, type JsonSchema } from './input/case-schema.js';
export { readCase, type CaseInput, type CaseLocator, type CaseReadResult, type ReadCaseOptions } from './input/case-reader.js';
export { readCaseText } from './input/case-yaml.js';
export { readCaseArgs } from './input/case-args.js';
export { boolAnswer, canonicalAnswer, enumMatches, moneyAnswer, type CanonicalAnswer } from './input/staff-answers.js';
export { describeValue, formatResultText, questions, toJsonResult, type JsonEvalResult, type JsonValue } from './format-result.js';
export type { EvalResult, EvalStatus, FactReading, OutcomeResult, PathStep, Trace, TraceBranch, TraceDecision } from './trace.js';
export { moneyFromInput, valueToJson } from './values.js';
