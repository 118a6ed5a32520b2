import { labelForms } from './label-forms.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import { didYouMean } from './typing-diagnostics.js';
import type { DecisionDecl, DeadlineNode, EnumDecl, FactDecl, Name, OutcomeDecl, PolicyDecl } from '../syntax/ast.js';
import { kindName, type BoundRules, type NamedDecl } from './binder.js';
import { isDuration } from '../graph/graph.js';
import type {
  Branch, ConstantDef, DecisionGraph, DecisionNode, Deadline, DepartmentDef, EnumDef, FactDef, LetDef,
  LocaleText, OutcomeNode, OutcomeValue, RequirementDef, SectionDef, Target, TextValue,
} from '../graph/graph.js';
import { branchId, duplicateBranchNames } from './branch-ids.js';
import { recordPlainUses, ReferenceRecorder } from './references.js';
import { isLocaleName } from '../syntax/lower-base.js';
import { TextResolver } from './texts.js';
import { resolveDeadline } from './build-deadline.js';
import { nowFact, requirement, timezoneOf } from './build-time.js';
import { ExprTyper } from './typing.js';
import { resolveTextValues } from './text-values.js';
import { factBounds } from './fact-range.js';
import { resolveLimits } from './text-limits.js';
import { joinTexts } from '../graph/text-template.js';

const DEFAULT_LOCALES = ['zh-CN'];

/**
 * What building gives: the graph when nothing is an error; the draft graph even then (holes and
 * all, for judging the decisions the errors do not touch); the decisions with a branch whose
 * condition has errors (in the draft such a branch has no condition); every diagnostic.
 */
export interface BuiltGraph {
  readonly value: DecisionGraph | undefined;
  readonly draft: DecisionGraph | undefined;
  readonly broken: ReadonlySet<string>;
  readonly diagnostics: Diagnostic[];
}

/** What a declaration is called in messages ("the label of fact `x`"). */
type Noun = 'policy' | 'rule' | Exclude<NamedDecl['kind'], 'require'>;

/**
 * Builds the decision graph from the bound declarations: resolves branch targets, owners and deadlines,
 * types every expression and turns texts into locale maps. Returns a graph only when nothing is an error
 * that would leave a hole in it; the caller decides whether to go on to the graph checks. `refs`
 * receives every use of a declared name (for the reference index).
 */
export function buildGraph(bound: BoundRules, refs = new ReferenceRecorder()): BuiltGraph {
  const policy = bound.policy;
  // A locale name with a syntax error (syntax/bad-locale) is left out, so texts are not asked for it.
  const written = policy ? policy.locales.map((l) => l.text).filter(isLocaleName) : [];
  const locales = written.length > 0 ? written : DEFAULT_LOCALES;
  const texts = new TextResolver(locales);
  const typer = new ExprTyper(bound, refs);
  recordPlainUses(bound, refs);
  const diagnostics: Diagnostic[] = [];
  const broken = new Set<string>();
  const decls = [...bound.symbols.values()];
  const labelOf = (d: NamedDecl | PolicyDecl, noun: Noun) =>
    texts.label(d.label, d.name.text, d.name.span, msg('text.named', { noun: msg(`noun.${noun}`), name: code(d.name.text) }));
  const element = (d: NamedDecl, what: Noun) => ({ id: d.name.text, label: labelOf(d, what), doc: d.doc, ...authorNote(d), span: d.name.span });
  // Facts, constants and derived values may declare how a condition words them (label-forms.ts).
  const worded = (d: NamedDecl, what: Noun) => {
    const e = element(d, what);
    return { ...e, ...labelForms(e.label) };
  };

  const enums: Record<string, EnumDef> = {};
  const departments: Record<string, DepartmentDef> = {};
  const facts: Record<string, FactDef> = {};
  const constants: Record<string, ConstantDef> = {};
  const lets: Record<string, LetDef> = {};
  const decisions: Record<string, DecisionNode> = {};
  const outcomes: Record<string, OutcomeNode> = {};
  const sections: SectionDef[] = [];
  const requirements: RequirementDef[] = [];
  const always = policy ? policy.always.map((t) => texts.text(t, msg('text.always'))) : [];
  // Resolved once (not per outcome), so a wrong name in `always` is reported once.
  const alwaysValues = policy ? resolveTextValues(policy.always, [], bound, typer, diagnostics) : [];

  for (const d of decls) {
    switch (d.kind) {
      case 'enum':
        enums[d.name.text] = { ...element(d, 'enum'), members: enumMembers(d, texts) };
        break;
      case 'department':
        departments[d.name.text] = element(d, 'department');
        break;
      case 'fact': {
        const type = typer.factType(d.type);
        if (!type) {
          // A type whose enum a syntax error broke is no new problem.
          if (!(d.type.kind === 'named' && bound.duplicated.has(d.type.name.text))) diagnostics.push(unknownType(d, bound));
        } else facts[d.name.text] = { ...worded(d, 'fact'), type, ...factBounds(d, diagnostics), ask: d.ask && texts.text(d.ask, msg('text.question', { fact: code(d.name.text) })), notes: d.notes.map((n) => texts.text(n, msg('text.note'))) };
        break;
      }
      case 'const': {
        const c = typer.constant(d);
        if (c) constants[d.name.text] = { ...worded(d, 'const'), ...c };
        break;
      }
      case 'let': {
        const expr = typer.letDefinition(d);
        if (expr) lets[d.name.text] = { ...worded(d, 'let'), type: expr.type, expr };
        break;
      }
      case 'decision': {
        const node: DecisionNode = { ...element(d, 'decision'), hitPolicy: d.hitPolicy, branches: branches(d, bound, typer, diagnostics) };
        decisions[d.name.text] = node;
        // A branch whose condition did not type is left without one: the decision cannot be judged.
        if (d.branches.some((b, i) => b.condition !== null && node.branches[i].condition === null)) broken.add(d.name.text);
        break;
      }
      case 'outcome':
        outcomes[d.name.text] = outcome(d, element(d, 'outcome'), always, alwaysValues, bound, typer, texts, diagnostics);
        break;
      case 'require': {
        const r = requirement(d, element(d, 'rule'), typer);
        if (r) requirements.push(r);
        break;
      }
      case 'section':
        sections.push({ ...element(d, 'section'), paragraphs: d.paragraphs.map((p) => texts.text(p, msg('text.paragraph-of', { section: code(d.name.text) }))) });
        break;
    }
  }

  const start = policy ? startDecision(policy, bound, diagnostics) : undefined;
  const timezone = policy ? timezoneOf(policy, diagnostics) : null;
  // `now` is a fact like any other once something reads it: a condition, a value or a deadline.
  if (typer.usesNow && !Object.hasOwn(facts, 'now')) facts.now = nowFact(locales);
  const title = policy && labelOf(policy, 'policy');
  const all = [...diagnostics, ...typer.diagnostics, ...texts.diagnostics];
  if (!policy || !title || !start) return { value: undefined, draft: undefined, broken, diagnostics: all };
  const graph: DecisionGraph = {
    policy: {
      id: policy.name.text,
      title,
      version: policy.version?.value ?? null,
      effective: policy.effective?.value ?? null,
      locales,
      start,
      timezone,
      doc: policy.doc,
      ...authorNote(policy),
    },
    enums, departments, facts, constants, lets, decisions, outcomes, sections, requirements,
    files: bound.files.map((f) => f.path),
  };
  return { value: all.some((x) => x.severity === 'error') ? undefined : graph, draft: graph, broken, diagnostics: all };
}

/** The `##!` author note of a declaration, as a field only when there is one (graphs built by hand have none). */
function authorNote(d: { readonly authorNote: string | null }): { authorNote?: string } {
  return d.authorNote === null ? {} : { authorNote: d.authorNote };
}

function enumMembers(d: EnumDecl, texts: TextResolver): EnumDef['members'] {
  const seen = new Set<string>();
  return d.members.filter((m) => !seen.has(m.name.text) && seen.add(m.name.text)).map((m) => ({
    id: m.name.text,
    ...labelForms(texts.label(m.label, m.name.text, m.name.span, msg('text.named', { noun: msg('noun.member'), name: code(`${d.name.text}.${m.name.text}`) }))),
    doc: m.doc,
    ...authorNote(m),
    span: m.name.span,
  }));
}

function branches(d: DecisionDecl, bound: BoundRules, typer: ExprTyper, diagnostics: Diagnostic[]): Branch[] {
  diagnostics.push(...duplicateBranchNames(d));
  return d.branches.map((b, i) => {
    const condition = b.condition ? typer.condition(b.condition) : null;
    const target = resolveTarget(b.target, bound, diagnostics) ?? { kind: 'outcome', id: b.target.text };
    return { id: branchId(d.name.text, i, b), index: i, condition, target, span: b.span };
  });
}

function resolveTarget(name: Name, bound: BoundRules, diagnostics: Diagnostic[]): Target | undefined {
  const decl = bound.symbols.get(name.text);
  if (decl?.kind === 'decision' || decl?.kind === 'outcome') return { kind: decl.kind, id: decl.name.text };
  if (bound.duplicated.has(name.text)) return undefined; // the duplicate declaration is the error
  const suggestions = bound.suggestions;
  const suggestion = suggestions.suggest(name.text, suggestions.namesOf('decision', 'outcome'));
  diagnostics.push(
    diagnostic('resolve/unknown-target', name.span, decl ? msg('resolve.target-wrong-kind', { name: code(name.text), kind: kindName(decl.kind) }) : msg('resolve.unknown-target', { name: code(name.text) }), {
      label: msg('resolve.unknown-target.label'),
      ...(suggestion
        ? { help: didYouMean(suggestion), suggestion: { span: name.span, replacement: suggestion } }
        : { help: msg('resolve.unknown-target.help', { id: name.text }) }),
    }),
  );
  return undefined;
}

function outcome(
  d: OutcomeDecl, base: { id: string; label: LocaleText; doc: string | null; span: DecisionNode['span'] }, always: readonly LocaleText[],
  alwaysValues: readonly TextValue[], bound: BoundRules, typer: ExprTyper, texts: TextResolver, diagnostics: Diagnostic[],
): OutcomeNode {
  const values: OutcomeValue[] = [];
  for (const v of d.values) {
    const expr = typer.expr(v.value);
    if (!expr) continue;
    const label = texts.label(v.label, v.name.text, v.name.span, msg('text.named', { noun: msg('noun.value'), name: code(v.name.text) }));
    values.push({ id: v.name.text, label, type: expr.type, expr, span: v.name.span });
  }
  const named = resolveTextValues([...d.steps, ...d.says, ...d.notes], values, bound, typer, diagnostics);
  const says = d.says.map((s) => texts.text(s, msg('text.say', { outcome: code(d.name.text) })));
  const limits = resolveLimits(d, says, always.length, bound, typer, diagnostics);
  const textValues = [...named, ...alwaysValues.filter((a) => !named.some((n) => n.name === a.name))];
  return {
    ...base,
    owner: d.owner ? resolveOwner(d.owner, bound, diagnostics) : null,
    deadline: d.deadline ? resolveDeadline(d.name.text, d.deadline, typer, diagnostics) : null,
    steps: [...d.steps.map((s) => texts.text(s, msg('text.step'))), ...always],
    documents: d.documents.map((s) => texts.text(s, msg('text.document'))),
    say: joinTexts(says),
    notes: d.notes.map((s) => texts.text(s, msg('text.note'))),
    values,
    ...(textValues.length > 0 ? { textValues } : {}),
    ...(limits ? { limits } : {}),
  };
}

function resolveOwner(name: Name, bound: BoundRules, diagnostics: Diagnostic[]): string | null {
  const decl = bound.symbols.get(name.text);
  if (decl?.kind === 'department') return decl.name.text;
  if (bound.duplicated.has(name.text)) return null; // the duplicate declaration is the error
  const suggestions = bound.suggestions;
  const suggestion = suggestions.suggest(name.text, suggestions.namesOf('department'));
  diagnostics.push(
    diagnostic('resolve/unknown-department', name.span, decl ? msg('resolve.department-wrong-kind', { name: code(name.text), kind: kindName(decl.kind) }) : msg('resolve.unknown-department', { name: code(name.text) }), {
      ...(suggestion
        ? { help: didYouMean(suggestion), suggestion: { span: name.span, replacement: suggestion } }
        : { help: msg('resolve.unknown-department.help', { id: name.text }) }),
    }),
  );
  return null;
}

function startDecision(policy: PolicyDecl, bound: BoundRules, diagnostics: Diagnostic[]): string | undefined {
  if (!policy.start) {
    diagnostics.push(diagnostic('resolve/missing-start', policy.name.span, msg('resolve.missing-start', { name: code(policy.name.text) }), {
      help: msg('resolve.missing-start.help'),
    }));
    return undefined;
  }
  const decl = bound.symbols.get(policy.start.text);
  if (decl?.kind === 'decision') return decl.name.text;
  if (bound.duplicated.has(policy.start.text)) return undefined; // the duplicate declaration is the error
  const candidates = bound.suggestions.namesOf('decision');
  const suggestion = bound.suggestions.suggest(policy.start.text, candidates);
  diagnostics.push(
    diagnostic('resolve/unknown-name', policy.start.span, decl ? msg('resolve.start-wrong-kind', { name: code(policy.start.text), kind: kindName(decl.kind) }) : msg('resolve.unknown-start', { name: code(policy.start.text) }), {
      ...(suggestion
        ? { help: didYouMean(suggestion), suggestion: { span: policy.start.span, replacement: suggestion } }
        : candidates.length > 0 ? { help: msg('resolve.start.help', { example: code(candidates[0]) }) } : {}),
    }),
  );
  return undefined;
}

function unknownType(d: FactDecl, bound: BoundRules): Diagnostic {
  const name = d.type.kind === 'named' ? d.type.name : d.name;
  const suggestions = bound.suggestions;
  const types = suggestions.list('types', () => [...suggestions.namesOf('enum'), 'bool', 'money', 'number', 'text', 'date', 'datetime', 'time', 'duration']);
  const suggestion = suggestions.suggest(name.text, types);
  return diagnostic('resolve/unknown-type', name.span, msg('resolve.unknown-type', { name: code(name.text) }), {
    help: suggestion ? didYouMean(suggestion) : msg('resolve.unknown-type.help'),
    ...(suggestion ? { suggestion: { span: name.span, replacement: suggestion } } : {}),
  });
}
