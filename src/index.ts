/**
 * sopwright as a library: parse and compile rule files into a checked decision graph. The CLI is
 * built on these same functions, so a service can embed sopwright without it.
 */
export { parseRules } from './syntax/parse.js';
export type { RuleFile, Declaration, ExprNode, TextNode } from './syntax/ast.js';
export { compile, compileSources, type CompileHost, type CompileOptions, type CompileResult } from './check/check.js';
export { ParseCache, type ParsedFile, type ParseFn } from './syntax/parse-cache.js';
export type { SymbolInfo, SymbolKind, SymbolTable } from './check/symbols.js';
export type { Reference, ReferenceIndex } from './check/references.js';
export type * from './graph/graph.js';
export { localize } from './graph/graph.js';
export { sourceFile, positionOf, type SourceFile, type Span, type Position } from './source/source-file.js';
export type { Diagnostic, Severity, RelatedSpan, Suggestion } from './diagnostics/diagnostic.js';
export { codes, type DiagnosticCode } from './diagnostics/codes.js';
export { formatMoney, parseMoney } from './values/money.js';
export * from './eval/index.js';
export { renderHandbook, type HandbookFormat, type RenderOptions, type RenderResult } from './render/render.js';
export { loadTemplates, type LoadedTemplates } from './render/template-loader.js';
export { printPdf, findBrowser } from './render/pdf.js';
export { exportGraph, type GraphFormat } from './render/graph-export.js';

export { formatReport, formatDiagnostics, type TextFormatOptions } from './diagnostics/format-text.js';
export { formatJson, toJsonReport, type JsonReport, type JsonDiagnostic } from './diagnostics/format-json.js';

// Workflows: what the command line (and any other front end) does, as functions that return data.
export { nodeFiles, memoryFiles, type FileHost, type FileList, type PathKind, type ReadResult } from './workflows/files.js';
export { findPolicyEntries, type EntryDiscovery } from './workflows/entries.js';
export { checkPolicies, type PolicyCheck } from './workflows/check.js';
export { loadPolicy, type FileOptions, type LoadedPolicy, type PolicyRef } from './workflows/policy.js';
export { evaluateCase, policySchema, type CaseEvaluation, type CaseSource, type EvaluateCaseOptions, type PolicySchema } from './workflows/cases.js';
export { runPolicyTests, type PolicyTestRun, type PolicyTestOptions, type CoverageShortfall } from './workflows/policy-tests.js';
export {
  buildHandbook, renderHandbookFile, exportPolicyGraph,
  type Handbook, type HandbookFile, type HandbookFailure, type HandbookOptions, type HandbookFileOptions, type HandbookOutputFormat,
  type GraphExport, type GraphExportOptions,
} from './workflows/handbook.js';
export { runBatchFiles, type BatchFileOptions, type BatchRun } from './workflows/batch.js';
export { formatTestReport, toJsonTestReport, testMessages } from './workflows/reports.js';
// The answer with its "why" in the handbook's words (these take the place of eval's own formatters).
export { formatResultText, toJsonResult, whyInWords } from './workflows/reports.js';
