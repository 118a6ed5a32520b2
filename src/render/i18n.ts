/**
 * The fixed words of the handbook (headings, table heads, captions) in every locale the renderer
 * supports. Policy text comes from the graph; only these strings come from here.
 */

/** The locales a handbook can be rendered in; the first is the default. */
export const handbookLocales = ['zh-CN', 'en'] as const;
export type HandbookLocale = (typeof handbookLocales)[number];

/** True when the renderer has UI strings for the locale. */
export function isHandbookLocale(locale: string): locale is HandbookLocale {
  return (handbookLocales as readonly string[]).includes(locale);
}

/** Every fixed string a template may print. Templates read them as `ui.<key>`. */
export interface UiStrings {
  readonly version: string;
  readonly effective: string;
  readonly contents: string;
  readonly handbookSubtitle: string;
  readonly authorNotes: string;
  readonly authorNotesIntro: string;
  readonly sections: string;
  readonly decisions: string;
  readonly outcomes: string;
  readonly index: string;
  readonly glossary: string;
  readonly constants: string;
  readonly derivedValues: string;
  readonly outcome: string;
  readonly flowchart: string;
  readonly logicInWords: string;
  readonly branch: string;
  readonly condition: string;
  readonly then: string;
  readonly hitFirst: string;
  readonly hitUnique: string;
  readonly rounding: string;
  readonly otherwise: string;
  /** Joins two branches to one place on a flowchart's edge: "① A 或 ② B". */
  readonly or: string;
  readonly startsHere: string;
  readonly reachedFrom: string;
  readonly whatToDo: string;
  readonly owner: string;
  readonly deadline: string;
  readonly documents: string;
  readonly whatToSay: string;
  readonly notes: string;
  readonly computedValues: string;
  readonly howWorkedOut: string;
  readonly type: string;
  readonly question: string;
  readonly values: string;
  readonly name: string;
  readonly value: string;
  readonly meaning: string;
  readonly unowned: string;
  readonly noDeadline: string;
  /** The one-page quick sheet's title (`render --format quick`). */
  readonly quickSheet: string;
  readonly seeDecision: string;
  readonly pageBefore: string;
  readonly pageMiddle: string;
  readonly pageAfter: string;
  readonly where: string;
  readonly colon: string;
  readonly code: string;
}

const zhCN: UiStrings = {
  version: '版本',
  effective: '生效日期',
  contents: '目录',
  handbookSubtitle: '员工手册',
  authorNotes: '附：给主管的备注',
  authorNotesIntro: '规则作者写在政策里的说明（出处、政策上的选择、提醒）。只供主管参考，不属于员工手册正文。',
  sections: '工作规范',
  decisions: '判断流程',
  outcomes: '处理方案',
  index: '处理方案速查',
  glossary: '术语表：需要了解的情况',
  constants: '附录：政策参数',
  derivedValues: '计算值',
  outcome: '方案',
  flowchart: '流程图',
  logicInWords: '判断规则（文字版）',
  branch: '情形',
  condition: '条件',
  then: '处理',
  hitFirst: '按顺序逐条判断，第一条成立的情形适用。',
  hitUnique: '以下情形互斥，恰有一条成立。',
  rounding: '金额四舍五入到分。',
  otherwise: '其他情况',
  or: '或',
  startsHere: '按“{title}”处理的每个问题都从这里开始判断。',
  reachedFrom: '适用情形',
  whatToDo: '处理步骤',
  owner: '负责部门',
  deadline: '时限',
  documents: '单据处理',
  whatToSay: '话术',
  notes: '注意事项',
  computedValues: '计算值',
  howWorkedOut: '计算方法',
  type: '类型',
  question: '询问顾客/核查',
  values: '可选值',
  name: '名称',
  value: '取值',
  meaning: '说明',
  unowned: '客服',
  noDeadline: '—',
  quickSheet: '速查表',
  seeDecision: '转入判断',
  pageBefore: '第',
  pageMiddle: '页，共',
  pageAfter: '页',
  where: '其中',
  colon: '：',
  code: '代码',
};

const en: UiStrings = {
  version: 'Version',
  effective: 'Effective',
  contents: 'Contents',
  handbookSubtitle: 'Staff handbook',
  authorNotes: 'Notes for the supervisor',
  authorNotesIntro: 'What the rule authors wrote in the policy for themselves (sources, policy choices, reminders). For the supervisor only; not part of the staff handbook.',
  sections: 'Working rules',
  decisions: 'Decisions',
  outcomes: 'What to do',
  index: 'Quick reference',
  glossary: 'Glossary: what to find out',
  constants: 'Appendix: policy settings',
  derivedValues: 'Computed values',
  outcome: 'Outcome',
  flowchart: 'Flowchart',
  logicInWords: 'The rules in words',
  branch: 'Case',
  condition: 'Condition',
  then: 'Then',
  hitFirst: 'Check the cases in order; the first that holds applies.',
  hitUnique: 'Exactly one of these cases holds.',
  rounding: 'Amounts are rounded to the nearest fen (0.01 CNY), halves away from zero.',
  otherwise: 'otherwise',
  or: 'or',
  startsHere: 'Every case under “{title}” starts here.',
  reachedFrom: 'Applies when',
  whatToDo: 'Steps',
  owner: 'Owner',
  deadline: 'Deadline',
  documents: 'Documents',
  whatToSay: 'What to say',
  notes: 'Notes',
  computedValues: 'Computed values',
  howWorkedOut: 'How it is worked out',
  type: 'Type',
  question: 'What to ask or check',
  values: 'Possible values',
  name: 'Name',
  value: 'Value',
  meaning: 'Meaning',
  unowned: 'Customer service',
  noDeadline: '—',
  quickSheet: 'Quick sheet',
  seeDecision: 'Go to decision',
  pageBefore: 'Page',
  pageMiddle: 'of',
  pageAfter: '',
  where: 'where',
  colon: ': ',
  code: 'Code',
};

const table: Record<HandbookLocale, UiStrings> = { 'zh-CN': zhCN, en };

/** The UI strings of a locale (Chinese for a locale the renderer does not know). */
export function uiStrings(locale: string): UiStrings {
  return isHandbookLocale(locale) ? table[locale] : zhCN;
}
