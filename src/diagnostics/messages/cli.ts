/** What the command line prints besides diagnostics (batch summaries), in every locale. */
export const cliMessages = {
  'batch.summary': {
    en: 'sopwright: {lines} cases: {decided} decided, {undecided} undecided, {invalid} invalid, {failed} failed',
    'zh-CN': 'sopwright：共 {lines} 个案例：{decided} 个已决定，{undecided} 个待定，{invalid} 个无效，{failed} 个出错',
  },
  'batch.stopped': { en: 'stopped after line {line} (--fail-fast)', 'zh-CN': '在第 {line} 行后停止（--fail-fast）' },
  'init.wrote': { en: 'wrote {file}', 'zh-CN': '已写入 {file}' },
  'init.next': { en: 'next: {command}', 'zh-CN': '下一步：{command}' },
  'init.exists': { en: 'sopwright: {file} already exists; nothing was written', 'zh-CN': 'sopwright：{file} 已存在，没有写入任何文件' },
  'init.cannot-write': { en: 'sopwright: cannot write {problem}', 'zh-CN': 'sopwright：无法写入 {problem}' },
} as const;
