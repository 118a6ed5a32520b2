/** The desk's own words in each language it speaks; policy texts come from the server. */
export interface DeskTexts {
  readonly title: string;
  readonly newCase: string;
  readonly otherLocale: string;
  readonly pickPolicy: string;
  readonly version: string;
  readonly back: string;
  readonly dontKnow: string;
  readonly answer: string;
  readonly outcome: string;
  readonly owner: string;
  readonly due: string;
  readonly steps: string;
  readonly documents: string;
  readonly say: string;
  readonly copy: string;
  readonly copied: string;
  readonly notes: string;
  readonly values: string;
  readonly why: string;
  readonly undecided: string;
  readonly findOut: string;
  readonly skipped: string;
  readonly nowFilled: string;
  readonly loading: string;
  readonly failed: string;
  readonly within: (amount: number, unit: string) => string;
  readonly sameDay: string;
  readonly register: string;
  readonly staffName: string;
  readonly record: string;
  readonly recorded: (id: number) => string;
  readonly notRecorded: string;
  readonly today: string;
  readonly day: string;
  readonly status: string;
  readonly outcomeFilter: string;
  readonly all: string;
  readonly show: string;
  readonly more: string;
  readonly none: string;
  readonly overdue: string;
  readonly moveTo: string;
  readonly note: string;
  readonly move: string;
  readonly recordedBy: string;
  readonly statuses: Readonly<Record<string, string>>;
  readonly addNote: string;
  readonly reassignTo: string;
  readonly reassign: string;
  readonly noteNeeded: string;
  /** What a typed field needs when the browser finds its value incomplete or not of its kind. */
  readonly invalid: Readonly<Record<string, string>>;
}

const units = { zh: { day: '天', hour: '小时', minute: '分钟' }, en: { day: 'day', hour: 'hour', minute: 'minute' } } as const;

export const TEXTS: Readonly<Record<'zh-CN' | 'en', DeskTexts>> = {
  'zh-CN': {
    title: '售后工作台', newCase: '新案件', otherLocale: 'English', pickPolicy: '选择处理规范', version: '版本',
    back: '返回上一题', dontKnow: '不知道', answer: '确定', outcome: '处理结果', owner: '负责部门', due: '时限',
    steps: '步骤', documents: '单据', say: '对顾客说', copy: '复制话术', copied: '已复制', notes: '备注', values: '计算结果',
    why: '判断依据', undecided: '还不能下结论', findOut: '需要先查清：', skipped: '无需再问（答案不影响结果）：',
    nowFilled: '当前时间（自动填入）：', loading: '加载中…', failed: '出错了：',
    within: (n, u) => `${n} ${units.zh[u as keyof typeof units.zh] ?? u}内`, sameDay: '当天',
    register: '售后登记表', staffName: '登记人', record: '登记到售后登记表', recorded: (id) => `已登记，编号 ${id}`, notRecorded: '未能登记：',
    today: '今天', day: '日期', status: '状态', outcomeFilter: '处理结果', all: '全部', show: '查看', more: '更多', none: '没有符合条件的登记',
    overdue: '已超时', moveTo: '改为', note: '备注', move: '更新状态', recordedBy: '登记人',
    statuses: { open: '待处理', in_progress: '处理中', done: '已完成', confirmed: '已确认', cancelled: '已取消' },
    addNote: '添加备注', reassignTo: '转给', reassign: '转交', noteNeeded: '请先写备注',
    invalid: {
      number: '请填写数字', date: '请填写完整的日期（年、月、日）', time: '请填写完整的时刻（时、分）',
      datetime: '请填写完整的日期和时刻', other: '请填写答案',
    },
  },
  en: {
    title: 'After-sales desk', newCase: 'New case', otherLocale: '中文', pickPolicy: 'Pick a policy', version: 'version',
    back: 'Back', dontKnow: "Don't know", answer: 'OK', outcome: 'Outcome', owner: 'Owner', due: 'Due',
    steps: 'Steps', documents: 'Documents', say: 'Say to the customer', copy: 'Copy', copied: 'Copied', notes: 'Notes', values: 'Values',
    why: 'Why', undecided: 'Not decided yet', findOut: 'Find out first:', skipped: 'Not asked (the answer would not change the outcome):',
    nowFilled: 'Now (filled from the clock): ', loading: 'Loading…', failed: 'Something went wrong: ',
    within: (n, u) => `within ${n} ${units.en[u as keyof typeof units.en] ?? u}${n === 1 ? '' : 's'}`, sameDay: 'the same day',
    register: 'Register', staffName: 'Staff name', record: 'Record in the register', recorded: (id) => `Recorded as no. ${id}`, notRecorded: 'Not recorded: ',
    today: 'Today', day: 'Day', status: 'Status', outcomeFilter: 'Outcome', all: 'All', show: 'Show', more: 'More', none: 'No entries match',
    overdue: 'Overdue', moveTo: 'Move to', note: 'Note', move: 'Update status', recordedBy: 'Recorded by',
    statuses: { open: 'Open', in_progress: 'In progress', done: 'Done', confirmed: 'Confirmed', cancelled: 'Cancelled' },
    addNote: 'Add note', reassignTo: 'Hand to', reassign: 'Reassign', noteNeeded: 'Write the note first',
    invalid: {
      number: 'Enter a number', date: 'Enter a whole date (year, month and day)', time: 'Enter a whole clock time (hours and minutes)',
      datetime: 'Enter a whole date and clock time', other: 'Enter an answer',
    },
  },
};
