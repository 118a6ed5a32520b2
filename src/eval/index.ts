/** The eval stage's public API: read a case, evaluate it, describe the result. */
export { evaluate, type EvaluateOptions } from './evaluate.js';
export { caseSchema, caseValidator, type JsonSchema } from './case-schema.js';
export { readCase, type CaseInput, type CaseLocator, type CaseReadResult, type ReadCaseOptions } from './case-reader.js';
export { readCaseText } from './case-yaml.js';
export { readCaseArgs } from './case-args.js';
export { describeValue, formatResultText, questions, toJsonResult, type JsonEvalResult, type JsonValue } from './format-result.js';
export type { EvalResult, EvalStatus, FactReading, OutcomeResult, PathStep, Trace, TraceBranch, TraceDecision } from './trace.js';
export { moneyFromInput, valueToJson } from './values.js';
