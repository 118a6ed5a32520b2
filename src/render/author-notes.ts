import type { DecisionGraph } from '../graph/graph.js';
import type { AuthorNotes, HandbookModel } from './handbook-model.js';
import { docFor, toBlocks } from './prose.js';

/**
 * The "notes for the supervisor" appendix: every `##!` author note of the policy (provenance,
 * policy choices, reminders), each under the heading or name of what it is written on. These
 * notes never reach the staff text; this appendix is printed only on request
 * (`render --with-author-notes`).
 */
export function authorNotesOf(graph: DecisionGraph, model: HandbookModel): AuthorNotes | null {
  const entries: { where: string; blocks: ReturnType<typeof toBlocks> }[] = [];
  const add = (where: string, note: string | null | undefined): void => {
    if (note === null || note === undefined) return;
    entries.push({ where, blocks: toBlocks(docFor(note, model.locale)) });
  };
  const label = (l: Readonly<Record<string, string>>, id: string): string => l[model.locale] ?? Object.values(l)[0] ?? id;
  add(model.policy.title, graph.policy.authorNote);
  const numbered = (list: readonly { id: string; number: string; title: string }[], notes: (id: string) => string | null | undefined) => {
    for (const item of list) add(`${item.number} ${item.title}`, notes(item.id));
  };
  numbered(model.sections, (id) => graph.sections.find((s) => s.id === id)?.authorNote);
  numbered(model.decisions, (id) => graph.decisions[id]?.authorNote);
  numbered(model.outcomes, (id) => graph.outcomes[id]?.authorNote);
  for (const group of [graph.facts, graph.enums, graph.departments, graph.constants, graph.lets] as const) {
    for (const el of Object.values(group)) add(label(el.label, el.id), el.authorNote);
  }
  for (const e of Object.values(graph.enums)) for (const m of e.members) add(label(m.label, m.id), m.authorNote);
  return entries.length === 0 ? null : { title: model.ui.authorNotes, intro: model.ui.authorNotesIntro, entries };
}
