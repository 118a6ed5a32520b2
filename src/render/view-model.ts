import {
  localize,
  type DecisionGraph,
  type DecisionNode,
  type EnumDef,
  type Expr,
  type LocaleText,
  type OutcomeNode,
  type Target,
} from '../graph/graph.js';
import { describeCondition, describeTerms, describeValue, formatValue, roundsMoney, type DescribeContext } from './describe.js';
import { describeDue } from './describe-time.js';
import { branchCondition } from './branch-words.js';
import { handbookTexts } from './outcome-texts.js';

/** The file name of the built-in `now`'s span. */
const BUILT_IN = '<built-in>';
import { branchMark, formatDate, formatDeadline, formatType } from './format.js';
import { decisionDot, decisionMermaid, type NodeNamer } from './flowchart.js';
import type {
  ChapterHead, DecisionModel, FactModel, HandbookModel, IndexGroup, OutcomeModel, ReachModel, Ref, TocEntry,
} from './handbook-model.js';
import { uiStrings, type UiStrings } from './i18n.js';
import { anchors, orderedDecisions, orderedOutcomes } from './order.js';
import { docFor, toBlocks } from './prose.js';
import { joinLines } from './text-layout.js';

/**
 * DecisionGraph + locale → HandbookModel (handbook-model.ts): the plain, sorted and numbered data
 * the templates print. The model's types are re-exported here for callers.
 */

export type * from './handbook-model.js';
export { docFor, toBlocks } from './prose.js';

/** A condition as a table cell or list item: English starts with a capital letter. */
function sentence(text: string, locale: string): string {
  return locale.toLowerCase().startsWith('zh') ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** Texts and numbers shared by every part of the model. */
class Builder {
  readonly ctx: DescribeContext;
  readonly ui: UiStrings;
  readonly decisions: DecisionNode[];
  readonly outcomes: OutcomeNode[];
  readonly numbers = new Map<string, string>();

  constructor(readonly graph: DecisionGraph, readonly locale: string, readonly chapters: Map<string, string>) {
    this.ctx = { graph, locale };
    this.ui = uiStrings(locale);
    this.decisions = orderedDecisions(graph);
    this.outcomes = orderedOutcomes(graph);
    const dn = chapters.get('decisions');
    const on = chapters.get('outcomes');
    this.decisions.forEach((d, i) => this.numbers.set(`d_${d.id}`, `${dn}.${i + 1}`));
    this.outcomes.forEach((o, i) => this.numbers.set(`o_${o.id}`, `${on}.${i + 1}`));
  }

  text(t: LocaleText | null): string | null {
    if (t === null) return null;
    const s = localize(t, this.locale, this.graph.policy.locales);
    return s === '' ? null : s;
  }

  label(t: LocaleText, id: string): string {
    return this.text(t) ?? id;
  }

  texts(ts: readonly LocaleText[]): string[] {
    return ts.map((t) => this.text(t)).filter((s): s is string => s !== null);
  }

  ref(target: Target): Ref {
    const el = target.kind === 'decision' ? this.graph.decisions[target.id] : this.graph.outcomes[target.id];
    const anchor = target.kind === 'decision' ? anchors.decision(target.id) : anchors.outcome(target.id);
    return {
      number: this.numbers.get(`${target.kind === 'decision' ? 'd' : 'o'}_${target.id}`) ?? '',
      title: el ? this.label(el.label, target.id) : target.id,
      anchor,
    };
  }

  /** Flowchart node names: "2.3 title", linked to the part of the handbook. */
  readonly namer: NodeNamer = (target) => {
    const r = this.ref(target);
    return { label: `${r.number} ${r.title}`, href: `#${r.anchor}` };
  };
}

function buildDecision(b: Builder, d: DecisionNode): DecisionModel {
  const ref = b.ref({ kind: 'decision', id: d.id });
  const hitPolicy = d.hitPolicy === 'first' ? b.ui.hitFirst : b.ui.hitUnique;
  return {
    ...ref,
    id: d.id,
    doc: toBlocks(docFor(d.doc, b.locale)),
    isStart: d.id === b.graph.policy.start,
    hitPolicy,
    dot: decisionDot(b.graph, d.id, b.locale, b.namer),
    flowchart: '',
    mermaid: decisionMermaid(b.graph, d.id, b.locale, b.namer),
    branches: d.branches.map((br, i) => ({
      mark: branchMark(i + 1),
      condition: sentence(branchCondition(br, b.ctx), b.locale),
      otherwise: br.condition === null,
      targetIsDecision: br.target.kind === 'decision',
      target: b.ref(br.target),
    })),
  };
}

function buildOutcome(b: Builder, o: OutcomeNode): OutcomeModel {
  const reachedFrom: ReachModel[] = [];
  for (const d of b.decisions) {
    d.branches.forEach((br, i) => {
      if (br.target.kind !== 'outcome' || br.target.id !== o.id) return;
      reachedFrom.push({
        decision: b.ref({ kind: 'decision', id: d.id }),
        mark: branchMark(i + 1),
        condition: sentence(branchCondition(br, b.ctx), b.locale),
      });
    });
  }
  const owner = o.owner === null ? null : b.graph.departments[o.owner];
  const texts = handbookTexts(o, b.ctx, (id) => pathWords(b, id));
  return {
    ...b.ref({ kind: 'outcome', id: o.id }),
    id: o.id,
    doc: toBlocks(docFor(o.doc, b.locale)),
    owner: owner ? b.label(owner.label, owner.id) : o.owner ?? b.ui.unowned,
    deadline: o.deadline === null ? null : deadlineText(b, o),
    steps: b.texts(texts.steps),
    documents: b.texts(o.documents),
    say: (b.text(texts.say) ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== ''),
    notes: b.texts(texts.notes),
    values: o.values.map((v) => ({
      label: b.label(v.label, v.id),
      formula: describeValue(v.expr, b.ctx),
      terms: describeTerms(v.expr, b.ctx),
      rounding: roundsMoney(v.expr, b.ctx) ? b.ui.rounding : null,
    })),
    reachedFrom,
  };
}

/** A decision or branch id as the handbook numbers it: "1.3 运输破损", "1.4 错发商品 ①". */
function pathWords(b: Builder, id: string): string {
  const d = b.graph.decisions[id];
  if (d) return `${b.ref({ kind: 'decision', id }).number} ${b.label(d.label, id)}`;
  const owner = Object.values(b.graph.decisions).find((x) => x.branches.some((br) => br.id === id));
  const branch = owner?.branches.find((br) => br.id === id);
  if (!owner || !branch) return id;
  return `${pathWords(b, owner.id)} ${branchMark(branch.index + 1)}`;
}

function deadlineText(b: Builder, o: OutcomeNode): string {
  const deadline = o.deadline!;
  const say = (e: Expr) => describeValue(e, b.ctx);
  const zh = b.locale.toLowerCase().startsWith('zh');
  if (deadline.duration === null) {
    return deadline.cases.map((c) => {
      const due = describeDue(c.due, c.duration, b.locale, say);
      if (c.condition === null) return deadline.cases.length === 1 ? due : zh ? `其他情况${due}` : `otherwise ${due}`;
      const when = describeCondition(c.condition, b.ctx);
      return zh ? `${when}时${due}` : `${due} when ${when}`;
    }).join(zh ? '；' : '; ');
  }
  const text = formatDeadline(deadline.duration, b.locale);
  const def = deadline.constant === null ? undefined : b.graph.constants[deadline.constant];
  if (!def) return text;
  const name = b.label(def.label, def.id);
  return b.locale.toLowerCase().startsWith('zh') ? `${text}（${name}）` : `${text} (${name})`;
}

function buildIndex(b: Builder, outcomes: readonly OutcomeModel[]): IndexGroup[] {
  const groups = new Map<string, OutcomeModel[]>();
  // Departments in declaration order, then outcomes nobody owns.
  for (const dep of Object.values(b.graph.departments)) groups.set(dep.id, []);
  groups.set('', []);
  b.outcomes.forEach((o, i) => groups.get(o.owner !== null && groups.has(o.owner) ? o.owner : '')!.push(outcomes[i]));
  return [...groups.entries()]
    .filter(([, list]) => list.length > 0)
    .map(([id, list]) => ({
      owner: id === '' ? b.ui.unowned : b.label(b.graph.departments[id].label, id),
      outcomes: list.map((o) => ({ number: o.number, title: o.title, anchor: o.anchor, deadline: o.deadline, page: null })),
    }));
}

function buildGlossary(b: Builder): FactModel[] {
  // The built-in `now` is no term of the policy: staff need no entry for it.
  return Object.values(b.graph.facts).filter((f) => f.id !== 'now' || f.span.file !== BUILT_IN).map((f) => {
    const en = f.type.kind === 'enum' ? b.graph.enums[f.type.enum] : undefined;
    return {
      id: f.id,
      anchor: anchors.fact(f.id),
      label: b.label(f.label, f.id),
      type: en ? null : formatType(f.type, b.locale, f.bounds),
      values: en ? en.members.map((m) => b.label(m.label, m.id)) : [],
      ask: b.text(f.ask),
      notes: b.texts(f.notes),
      doc: toBlocks(docFor(f.doc, b.locale)),
      ...enumDocs(b, en),
    };
  });
}

/** What the grammar promises of `##` on an enum and its members: the handbook prints them where the members are listed. */
function enumDocs(b: Builder, en: EnumDef | undefined): Pick<FactModel, 'enumDoc' | 'memberDocs'> {
  if (!en) return { enumDoc: [], memberDocs: [] };
  const memberDocs = en.members.flatMap((m) => {
    const text = docFor(m.doc, b.locale);
    return text === null ? [] : [{ label: b.label(m.label, m.id), text: joinLines(text.split('\n').map((l) => l.trim())) }];
  });
  return { enumDoc: toBlocks(docFor(en.doc, b.locale)), memberDocs };
}

/** Numbers the chapters that have content: sections, decisions, outcomes, index, glossary; the appendix is "A". */
function chapterNumbers(graph: DecisionGraph): Map<string, string> {
  const present: [string, boolean][] = [
    ['sections', graph.sections.length > 0],
    ['decisions', Object.keys(graph.decisions).length > 0],
    ['outcomes', Object.keys(graph.outcomes).length > 0],
    ['index', Object.keys(graph.outcomes).length > 0],
    ['glossary', Object.values(graph.facts).some((f) => f.id !== 'now' || f.span.file !== BUILT_IN)],
  ];
  const numbers = new Map<string, string>();
  let n = 0;
  for (const [name, has] of present) if (has) numbers.set(name, String(++n));
  if (Object.keys(graph.constants).length > 0 || Object.keys(graph.lets).length > 0) numbers.set('constants', 'A');
  return numbers;
}

/** Builds the handbook's view model for one locale. */
export function buildHandbookModel(graph: DecisionGraph, locale: string): HandbookModel {
  const chapters = chapterNumbers(graph);
  const b = new Builder(graph, locale, chapters);
  const ui = b.ui;
  const head = (name: string, title: string): ChapterHead | null => {
    const number = chapters.get(name);
    return number === undefined ? null : { number, title, anchor: `chapter-${name}` };
  };

  const sectionsNo = chapters.get('sections');
  const sections = graph.sections.map((s, i) => ({
    id: s.id,
    number: `${sectionsNo}.${i + 1}`,
    title: b.label(s.label, s.id),
    anchor: anchors.section(s.id),
    blocks: s.paragraphs.flatMap((p) => toBlocks(b.text(p))),
  }));
  const decisions = b.decisions.map((d) => buildDecision(b, d));
  const outcomes = b.outcomes.map((o) => buildOutcome(b, o));
  const constants = Object.values(graph.constants).map((c) => ({
    id: c.id,
    anchor: anchors.constant(c.id),
    label: b.label(c.label, c.id),
    value: formatValue(c.value, c.type, b.ctx),
    doc: toBlocks(docFor(c.doc, b.locale)),
  }));
  const derived = Object.values(graph.lets).map((l) => ({
    id: l.id,
    anchor: anchors.derived(l.id),
    label: b.label(l.label, l.id),
    formula: describeValue(l.expr, b.ctx),
    terms: describeTerms(l.expr, b.ctx),
    doc: toBlocks(docFor(l.doc, b.locale)),
  }));

  const chapterHeads = {
    sectionsChapter: head('sections', ui.sections),
    decisionsChapter: head('decisions', ui.decisions),
    outcomesChapter: head('outcomes', ui.outcomes),
    indexChapter: head('index', ui.index),
    glossaryChapter: head('glossary', ui.glossary),
    constantsChapter: head('constants', ui.constants),
  };
  const children: Record<string, readonly Ref[]> = { sectionsChapter: sections, decisionsChapter: decisions, outcomesChapter: outcomes };
  const toc: TocEntry[] = Object.entries(chapterHeads)
    .filter((e): e is [string, ChapterHead] => e[1] !== null)
    .map(([key, h]) => ({
      ...h,
      page: null,
      children: (children[key] ?? []).map((r) => ({ number: r.number, title: r.title, anchor: r.anchor, page: null, children: [] })),
    }));

  // The frame names no kind of policy (after-sales, pre-sale, warranty): the policy's title fills it.
  const title = b.label(graph.policy.title, graph.policy.id);
  return {
    locale,
    ui: { ...ui, startsHere: ui.startsHere.replace('{title}', title) },
    policy: {
      id: graph.policy.id,
      title: b.label(graph.policy.title, graph.policy.id),
      version: graph.policy.version,
      effective: graph.policy.effective === null ? null : formatDate(graph.policy.effective, locale),
      doc: toBlocks(docFor(graph.policy.doc, locale)),
    },
    toc,
    ...chapterHeads,
    sections,
    decisions,
    outcomes,
    index: buildIndex(b, outcomes),
    authorNotes: null,
    glossary: buildGlossary(b),
    constants,
    derived,
  };
}
