import type { Term } from './describe.js';
import type { UiStrings } from './i18n.js';

/**
 * The handbook as plain data for templates: every text already in the locale and in words,
 * every list sorted and numbered. Templates only print it; they never walk the graph.
 * Every field is always present (null or empty when there is nothing), as strict templates need.
 */

/** A paragraph of prose, or a list (lines of a paragraph that start with `- `). */
export interface Block {
  readonly list: boolean;
  readonly text: string;
  readonly items: readonly string[];
}

/** A heading the table of contents lists. */
export interface TocEntry {
  readonly number: string;
  readonly title: string;
  readonly anchor: string;
  /** The printed page the entry starts on (a PDF's second pass); null elsewhere. */
  readonly page: number | null;
  readonly children: readonly TocEntry[];
}

/** A chapter heading. */
export interface ChapterHead {
  readonly number: string;
  readonly title: string;
  readonly anchor: string;
}

/** Where a link points: a numbered, titled part of the handbook. */
export interface Ref {
  readonly number: string;
  readonly title: string;
  readonly anchor: string;
}

export interface SectionModel extends Ref {
  readonly id: string;
  readonly blocks: readonly Block[];
}

export interface BranchRow {
  readonly mark: string;
  readonly condition: string;
  readonly otherwise: boolean;
  readonly targetIsDecision: boolean;
  readonly target: Ref;
}

export interface DecisionModel extends Ref {
  readonly id: string;
  readonly doc: readonly Block[];
  readonly isStart: boolean;
  readonly hitPolicy: string;
  /** The flowchart as Graphviz DOT; render.ts lays it out. */
  readonly dot: string;
  /** The flowchart as inline SVG (HTML handbooks); empty until render.ts lays the DOT out. */
  readonly flowchart: string;
  /** The same flowchart as Mermaid (Markdown handbooks). */
  readonly mermaid: string;
  readonly branches: readonly BranchRow[];
}

export interface ValueModel {
  readonly label: string;
  readonly formula: string;
  readonly terms: readonly Term[];
  readonly rounding: string | null;
}

/** How a case reaches an outcome: a decision's branch. */
export interface ReachModel {
  readonly decision: Ref;
  readonly mark: string;
  readonly condition: string;
}

export interface OutcomeModel extends Ref {
  readonly id: string;
  readonly doc: readonly Block[];
  readonly owner: string;
  readonly deadline: string | null;
  readonly steps: readonly string[];
  readonly documents: readonly string[];
  /** What to say, a line a message (chat replies are sent line by line). */
  readonly say: readonly string[];
  readonly notes: readonly string[];
  readonly values: readonly ValueModel[];
  readonly reachedFrom: readonly ReachModel[];
}

export interface IndexGroup {
  readonly owner: string;
  readonly outcomes: readonly (Ref & { readonly deadline: string | null; readonly page: number | null })[];
}

export interface FactModel {
  readonly id: string;
  readonly anchor: string;
  readonly label: string;
  /** The type in words; null for an enum, whose values are listed instead. */
  readonly type: string | null;
  readonly values: readonly string[];
  readonly ask: string | null;
  readonly notes: readonly string[];
  readonly doc: readonly Block[];
  /** The `##` doc of the fact's enum (for staff; `##!` author notes never), empty when none. */
  readonly enumDoc: readonly Block[];
  /** The enum's members that have a `##` doc, each with its label, in declaration order. */
  readonly memberDocs: readonly { readonly label: string; readonly text: string }[];
}

export interface ConstantModel {
  readonly id: string;
  readonly anchor: string;
  readonly label: string;
  readonly value: string;
  readonly doc: readonly Block[];
}

export interface DerivedModel {
  readonly id: string;
  readonly anchor: string;
  readonly label: string;
  readonly formula: string;
  readonly terms: readonly Term[];
  readonly doc: readonly Block[];
}

/** Everything a handbook template receives. */
/** The optional appendix of author notes (`##!`), for the supervisor; never in the staff text. */
export interface AuthorNotes {
  readonly title: string;
  readonly intro: string;
  readonly entries: readonly { readonly where: string; readonly blocks: readonly Block[] }[];
}

export interface HandbookModel {
  readonly locale: string;
  readonly ui: UiStrings;
  readonly policy: {
    readonly id: string;
    readonly title: string;
    readonly version: string | null;
    readonly effective: string | null;
    readonly doc: readonly Block[];
  };
  readonly toc: readonly TocEntry[];
  readonly sectionsChapter: ChapterHead | null;
  readonly sections: readonly SectionModel[];
  readonly decisionsChapter: ChapterHead | null;
  readonly decisions: readonly DecisionModel[];
  readonly outcomesChapter: ChapterHead | null;
  readonly outcomes: readonly OutcomeModel[];
  readonly indexChapter: ChapterHead | null;
  readonly index: readonly IndexGroup[];
  /** Only with `withAuthorNotes` (and a policy that has `##!` notes); null otherwise. */
  readonly authorNotes: AuthorNotes | null;
  readonly glossaryChapter: ChapterHead | null;
  readonly glossary: readonly FactModel[];
  readonly constantsChapter: ChapterHead | null;
  readonly constants: readonly ConstantModel[];
  readonly derived: readonly DerivedModel[];
}
