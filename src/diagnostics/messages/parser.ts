/**
 * The parser's messages ("expected `{` after the decision's label, found `when`"), in every locale.
 * Token labels are code and the same in every language; the phrases around them are translated.
 */
export const parserMessages = {
  'parse.quoted-member': { en: 'a set lists members by name, not by their label {text}', 'zh-CN': '集合里写成员的名字，而不是它的标签 {text}' },
  'parse.quoted-member.help': { en: 'write the member names the enum declares, without quotes', 'zh-CN': '请写枚举里声明的成员名字，不加引号' },
  'parse.quoted-member.name': { en: 'the member labelled {text} is named {name}', 'zh-CN': '标签为 {text} 的成员名字是 {name}' },
  'parse.expected': { en: 'expected {expected}{after}, found {found}{hint}', 'zh-CN': '{after}应为 {expected}，但这里是 {found}{hint}' },
  'parse.after-token': { en: ' after {token}', 'zh-CN': '在 {token} 之后' },
  'parse.after-label': { en: " after the {rule}'s label", 'zh-CN': '在 {rule} 的标签之后' },
  'parse.after-text': { en: ' after the text', 'zh-CN': '在文字之后' },
  'parse.found-eof': { en: 'the end of the file', 'zh-CN': '文件末尾' },
  'parse.found-string': { en: 'a string', 'zh-CN': '一个字符串' },
  'parse.hint-compare': { en: ' (write `==` to compare)', 'zh-CN': '（比较请写 `==`）' },
  'parse.otherwise-last': { en: '`otherwise` must be the last branch, but `when` follows it', 'zh-CN': '`otherwise` 必须是最后一个分支，但它后面还有 `when`' },
  'parse.one-otherwise': { en: 'a decision has only one `otherwise` branch', 'zh-CN': '一个决策只能有一个 `otherwise` 分支' },
  'parse.something-else': { en: 'something else', 'zh-CN': '其他内容' },
  'parse.declaration': { en: 'a declaration ({list})', 'zh-CN': '一个声明（{list}）' },
  'parse.import-or-declaration': { en: '`import` or a declaration ({list})', 'zh-CN': '`import` 或一个声明（{list}）' },
  'parse.block.policy': {
    en: 'a policy item (`version`, `effective`, `locales`, `start`, `timezone` or `always`) or `}`',
    'zh-CN': '政策项（`version`、`effective`、`locales`、`start`、`timezone` 或 `always`）或 `}`',
  },
  'parse.block.enum': { en: 'a member name or `}`', 'zh-CN': '成员名或 `}`' },
  'parse.block.fact': { en: '`ask`, `note` or `}`', 'zh-CN': '`ask`、`note` 或 `}`' },
  'parse.block.decision': { en: '`when`, `otherwise` or `}`', 'zh-CN': '`when`、`otherwise` 或 `}`' },
  'parse.block.outcome': {
    en: 'an outcome item (`owner`, `deadline`, `do`, `document`, `say`, `note` or `value`) or `}`',
    'zh-CN': '结果项（`owner`、`deadline`、`do`、`document`、`say`、`note` 或 `value`）或 `}`',
  },
  'parse.block.section': { en: 'a paragraph (a string) or `}`', 'zh-CN': '一段文字（字符串）或 `}`' },
  'parse.type': {
    en: "a type (`bool`, `money`, `signed money`, `number`, `text`, `date`, `datetime`, `time`, `duration` or an enum's name)",
    'zh-CN': '类型（`bool`、`money`、`signed money`、`number`、`text`、`date`、`datetime`、`time`、`duration` 或枚举名）',
  },
  'parse.due': {
    en: 'a due time (`3 days`, `same day`, `2 hours after reported_at`, `at 09:00`, a moment)',
    'zh-CN': '到期时间（`3 days`、`same day`、`2 hours after reported_at`、`at 09:00`、某个时间）',
  },
  'parse.deadline': {
    en: 'a due time (`3 days`, `same day`, `2 hours after reported_at`, `at 09:00`, a moment) or `{` with cases',
    'zh-CN': '到期时间（`3 days`、`same day`、`2 hours after reported_at`、`at 09:00`、某个时间）或带情形的 `{`',
  },
  'parse.hit-policy': { en: '`first` or `unique`', 'zh-CN': '`first` 或 `unique`' },
  'parse.value': {
    en: 'a value (a number, a name, a string, `true`, `false`, `min`, `max` or `(`)',
    'zh-CN': '一个值（数字、名字、字符串、`true`、`false`、`min`、`max` 或 `(`）',
  },
  'parse.name.target': { en: 'an outcome or decision name', 'zh-CN': '结果或决策的名字' },
  'parse.name.department': { en: 'a department name', 'zh-CN': '部门名' },
  'parse.name.decision': { en: 'a decision name', 'zh-CN': '决策名' },
  'parse.name.member': { en: 'a member name', 'zh-CN': '成员名' },
  'parse.name.enum-member': { en: 'an enum member', 'zh-CN': '枚举成员' },
  'parse.name.locale': { en: 'a locale name such as `en` or `zh-CN`', 'zh-CN': '语言代码，如 `en` 或 `zh-CN`' },
  'parse.name.type': { en: 'a type', 'zh-CN': '类型' },
  'parse.name': { en: 'a name', 'zh-CN': '名字' },
} as const;
