import type { EntryStatus, Texts } from './entry.js';

/** The register's words in each language it speaks (zh-CN first, en); other locales use en. */

/** The columns of the daily register, in the order a shop keeps them. */
export const sheetColumns = ['date', 'account', 'problem', 'outcome', 'owner', 'due', 'status', 'notes'] as const;
export type SheetColumn = (typeof sheetColumns)[number];

export interface RegisterWords {
  readonly title: string;
  readonly columns: Readonly<Record<SheetColumn | 'id' | 'staff' | 'recorded', string>>;
  readonly status: Readonly<Record<EntryStatus, string>>;
  readonly overdue: string;
  readonly none: string;
  readonly total: (n: number) => string;
  readonly empty: string;
}

const zh: RegisterWords = {
  title: '每日售后登记表',
  columns: { id: '编号', date: '日期', recorded: '登记时间', staff: '登记人', account: '旺旺名', problem: '问题', outcome: '处理结果', owner: '负责部门', due: '截止时间', status: '状态', notes: '备注' },
  status: { open: '待处理', in_progress: '处理中', done: '已处理', confirmed: '已确认', cancelled: '已取消' },
  overdue: '已超时',
  none: '—',
  total: (n) => `共 ${n} 条`,
  empty: '当天没有登记。',
};

const en: RegisterWords = {
  title: 'Daily after-sales register',
  columns: { id: 'No.', date: 'Date', recorded: 'Recorded', staff: 'Staff', account: 'Account', problem: 'Problem', outcome: 'Outcome', owner: 'Owner', due: 'Due', status: 'Status', notes: 'Notes' },
  status: { open: 'Open', in_progress: 'In progress', done: 'Done', confirmed: 'Confirmed', cancelled: 'Cancelled' },
  overdue: 'Overdue',
  none: '—',
  total: (n) => `${n} ${n === 1 ? 'entry' : 'entries'}`,
  empty: 'Nothing was recorded that day.',
};

/** The words for a locale: any `zh…` is Chinese, anything else English. */
export function registerWords(locale: string): RegisterWords {
  return /^zh\b/i.test(locale) ? zh : en;
}

/** A label in the locale, else zh-CN, else any. */
export function textIn(texts: Texts | null, locale: string): string {
  if (texts === null) return '';
  return texts[locale] ?? texts['zh-CN'] ?? Object.values(texts)[0] ?? '';
}
