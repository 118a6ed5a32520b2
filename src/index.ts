/**
 * sopwright as a library: parse and compile rule files into a checked decision graph. The CLI is
 * built on these same functions, so a service can embed sopwright without it.
 */
export { parseRules } from './syntax/parse.js';
export type { RuleFile, Declaration, ExprNode, TextNode } from './syntax/ast.js';
export { compile, compileSources, type CompileHost, type CompileResult } from './check/check.js';
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
