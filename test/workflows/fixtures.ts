/**
 * A small project held in memory for the workflow tests: two policies sharing a library (with an
 * unused fact, so both report the same warning), a library-only directory, a test file, a case.
 */
const HEADER = (id: string) => `policy ${id} "退货" @en "Returns" {
  locales zh-CN, en
  start triage
}
import "lib/vocabulary.sop"
`;

const TRIAGE = `
decision triage "分流" @en "Triage" {
  when problem == missing -> refund
  when problem == damaged and item_value > 100 CNY -> reship
  otherwise -> refund
}

outcome refund "退款" @en "Refund" { owner finance }
outcome reship "补发" @en "Reship" { owner finance }
`;

/** Path → text; a fresh copy for each test, since writes go into it. */
export function project(): Record<string, string> {
  return {
    'shop/returns.sop': `${HEADER('returns')}${TRIAGE}`,
    'shop/exchanges.sop': `${HEADER('exchanges')}${TRIAGE}`,
    'shop/lib/vocabulary.sop': `enum kind "问题类型" @en "Kind of problem" {
  missing "少货" @en "Missing items"
  damaged "破损" @en "Damaged"
}
fact problem: kind "问题类型" @en "Kind of problem" {
  ask "顾客遇到了什么问题？" @en "What is the problem?"
}
fact item_value: money "商品价值" @en "Item value" {
  ask "商品价值多少元？" @en "What is the item worth, in yuan?"
}
fact unused: bool "没用" @en "Unused"
department finance "财务" @en "Finance"
`,
    'shop/returns.test.yaml': `policy: returns.sop
tests:
  - name: missing items are refunded
    case: { problem: missing }
    expect: { outcome: refund }
  - name: a dear damaged item is reshipped
    case: { problem: damaged, item_value: 150 }
    expect: { outcome: reship }
`,
    'shop/cases/damaged.yaml': 'problem: damaged\nitem_value: 150\n',
    'broken/broken.sop': `${HEADER('broken').replace('lib/vocabulary.sop', '../shop/lib/vocabulary.sop')}${TRIAGE.replace('-> reship', '-> reshipp')}`,
    'library-only/vocabulary.sop': 'fact opened: bool "已拆封"\n',
  };
}
