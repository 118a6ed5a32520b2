/**
 * Messages of the syntax stage (scan, parse, lower), in every locale. `{name}` is a named
 * argument; names, keywords and user text are passed in already quoted as code.
 */
export const syntaxMessages = {
  // scan
  'syntax.unknown-character': { en: 'unexpected character {chars}', 'zh-CN': '无法识别的字符 {chars}' },
  'syntax.unknown-characters': { en: 'unexpected characters {chars}', 'zh-CN': '无法识别的字符 {chars}' },
  'syntax.unknown-character.label': { en: 'no token starts with this', 'zh-CN': '语言里没有以它开头的写法' },
  'syntax.curly-quotes.help': { en: 'strings use straight quotes: `"…"`', 'zh-CN': '字符串用英文直引号：`"…"`' },
  'syntax.full-width.help': { en: 'write the ASCII {ascii} instead of the full-width {chars}', 'zh-CN': '请把全角的 {chars} 换成半角的 {ascii}' },
  'syntax.non-ascii-name.help': {
    en: 'names use ASCII letters, digits and `_`; put other text in a string, such as `"…"`',
    'zh-CN': '名字只能用英文字母、数字和 `_`；其他文字请放进字符串，如 `"…"`',
  },
  'syntax.unterminated-triple': { en: 'this `"""` string is never closed', 'zh-CN': '这个 `"""` 字符串没有结束' },
  'syntax.unterminated-triple.label': { en: 'the string runs to the end of the file', 'zh-CN': '字符串一直延续到文件末尾' },
  'syntax.unterminated-triple.help': { en: 'end the text with `"""`', 'zh-CN': '在文字末尾加上 `"""`' },
  'syntax.unterminated-string': { en: 'this string is not closed before the end of the line', 'zh-CN': '这个字符串在行尾之前没有结束' },
  'syntax.unterminated-string.help': {
    en: 'end it with `"`, or use `"""` for text over several lines',
    'zh-CN': '用 `"` 结束它；多行文字请用 `"""`',
  },
  // lower
  'syntax.bad-locale': { en: '{locale} is not a locale', 'zh-CN': '{locale} 不是语言代码' },
  'syntax.bad-locale.help': {
    en: 'write a language code, optionally with a region: `en`, `zh-CN`',
    'zh-CN': '请写语言代码，可带地区：`en`、`zh-CN`',
  },
  'syntax.bad-escape': { en: 'unknown escape {written} in a string', 'zh-CN': '字符串里的转义 {written} 无法识别' },
  'syntax.bad-escape.help': {
    en: 'the escapes are `\\"`, `\\\\`, `\\n` and `\\t`; write `\\\\` for a backslash',
    'zh-CN': '可用的转义有 `\\"`、`\\\\`、`\\n` 和 `\\t`；反斜杠本身写作 `\\\\`',
  },
  'syntax.duplicate-item': { en: '{key} is given more than once in this {where}', 'zh-CN': '这个{where}里 {key} 写了不止一次' },
  'syntax.duplicate-item.help': { en: 'keep one {key} and remove the others', 'zh-CN': '只保留一个 {key}，删去其余的' },
  'syntax.duplicate-item.first': { en: 'first {key} here', 'zh-CN': '第一个 {key} 在这里' },
  'syntax.where.policy': { en: 'policy', 'zh-CN': '政策' },
  'syntax.where.outcome': { en: 'outcome', 'zh-CN': '结果' },
  'syntax.where.fact': { en: 'fact', 'zh-CN': '事实' },
  // numbers
  'syntax.unknown-unit': { en: 'unknown unit {unit}', 'zh-CN': '未知的单位 {unit}' },
  'syntax.units.help': {
    en: 'units are `CNY`, `seconds`, `minutes`, `hours`, `days`, `weeks`, `months` and `years`',
    'zh-CN': '可用的单位有 `CNY`、`seconds`、`minutes`、`hours`、`days`、`weeks`、`months` 和 `years`',
  },
  'syntax.chinese-unit.help': { en: 'units are written in English: {written}', 'zh-CN': '单位请用英文写：{written}' },
  'syntax.foreign-operator': { en: '{chars} is written {word} in policies', 'zh-CN': '政策里 {chars} 要写成 {word}' },
  'syntax.foreign-operator.help': {
    en: 'conditions combine with the words `and`, `or` and `not`',
    'zh-CN': '条件用单词 `and`（并且）、`or`（或者）、`not`（不是）连接',
  },
  'syntax.thousands-separator': { en: 'the amount {text} has a thousands separator', 'zh-CN': '金额 {text} 里有千位分隔符' },
  'syntax.thousands-separator.help': { en: 'write the digits without separators: {written}', 'zh-CN': '数字之间不要加逗号：{written}' },
  'syntax.set-of': { en: 'a fact holds one value: `set of` {type} is not a type', 'zh-CN': '一个事实只有一个值：`set of` {type} 不是类型' },
  'syntax.set-of.help': {
    en: 'for several choices at once, declare one `bool` fact per choice (`fact gift_wrap: bool "…"`)',
    'zh-CN': '要同时记录几个选项，请为每个选项声明一个 `bool` 事实（`fact gift_wrap: bool "…"`）',
  },
  'syntax.number-too-large': { en: 'the number {text} is too large', 'zh-CN': '数字 {text} 太大' },
  'syntax.number-too-large.help': {
    en: 'numbers may have at most {digits} digits before the decimal point',
    'zh-CN': '小数点前最多 {digits} 位数字',
  },
  'syntax.too-deeply-nested': {
    en: 'this expression nests more than {max} levels of parentheses and `not`/`-`',
    'zh-CN': '这个表达式嵌套的括号和 `not`/`-` 超过 {max} 层',
  },
  'syntax.too-deep-expression': { en: 'this expression is more than {max} operations deep', 'zh-CN': '这个表达式的运算深度超过 {max} 层' },
  'syntax.too-deep.help': {
    en: 'split it into smaller parts with `let`',
    'zh-CN': '用 `let` 把它拆成几部分',
  },
  'syntax.money-too-large': { en: 'the amount {text} is beyond the money range', 'zh-CN': '金额 {text} 超出了金额的范围' },
  'syntax.money-too-large.help': {
    en: 'amounts of money lie within ±{max} CNY',
    'zh-CN': '金额的范围是 ±{max} 元',
  },
  'syntax.money-too-precise': { en: 'the amount {text} has more than two decimals', 'zh-CN': '金额 {text} 的小数超过两位' },
  'syntax.money-too-precise.help': {
    en: 'money is counted in fen: write at most two digits after the decimal point',
    'zh-CN': '金额以分为单位：小数点后最多两位',
  },
  // values named in texts (syntax/text-holes.ts)
  'syntax.bad-placeholder.open': { en: '`{` starts no value name here', 'zh-CN': '这里的 `{` 后面不是值的名字' },
  'syntax.bad-placeholder.close': { en: '`}` closes no value name here', 'zh-CN': '这里的 `}` 前面没有值的名字' },
  'syntax.bad-placeholder.help': {
    en: 'name a value as {example}; write {literal} for the brace itself',
    'zh-CN': '引用值请写 {example}；花括号本身写作 {literal}',
  },
} as const;
