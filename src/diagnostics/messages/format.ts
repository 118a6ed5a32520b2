/** The words of the pretty format around the messages, in every locale (the `error[code]` header stays as it is for tools). */
export const formatMessages = {
  'format.help': { en: 'help', 'zh-CN': '提示' },
  'format.example': { en: 'example', 'zh-CN': '示例' },
  'format.note': { en: 'note', 'zh-CN': '注' },
  'format.more': { en: '… and {count} more', 'zh-CN': '…… 另有 {count} 条' },
  'format.errors': { en: '{count} errors', 'zh-CN': '{count} 个错误' },
  'format.error': { en: '{count} error', 'zh-CN': '{count} 个错误' },
  'format.warnings': { en: '{count} warnings', 'zh-CN': '{count} 个警告' },
  'format.warning': { en: '{count} warning', 'zh-CN': '{count} 个警告' },
  'format.infos': { en: '{count} infos', 'zh-CN': '{count} 条信息' },
  'format.info': { en: '{count} info', 'zh-CN': '{count} 条信息' },
  'format.separator': { en: ', ', 'zh-CN': '，' },
} as const;
