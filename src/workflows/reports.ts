/**
 * The formatters front ends print workflow results with, gathered here so that a front end
 * depends on the workflows (and on src/diagnostics for diagnostics) and never on a stage.
 */
export { formatResultText, toJsonResult, type JsonEvalResult } from '../eval/format-result.js';
export { testMessages, type TestMessages } from '../eval/messages.js';
export { formatTestReport, toJsonTestReport } from '../eval/testing/test-report.js';
export type { BatchProgress, LineProblem, Tally } from '../eval/batch/index.js';
export { graphFormats, type GraphFormat } from '../render/graph-export.js';
export { handbookLocales } from '../render/i18n.js';
