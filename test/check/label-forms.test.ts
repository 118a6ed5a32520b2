import { describe, expect, it } from 'vitest';
import { labelForms } from '../../src/check/label-forms.js';

describe('labelForms', () => {
  it.each<[string, string, string | undefined, string | undefined]>([
    ['退回的商品{不}完好', '退回的商品完好', '退回的商品不完好', undefined],
    ['{未|已}发货', '已发货', '未发货', undefined],
    ['The order has {not} shipped', 'The order has shipped', 'The order has not shipped', undefined],
    ['What arrived {does not match|matches} the order', 'What arrived matches the order', 'What arrived does not match the order', undefined],
    ['Kind of problem [the problem]', 'Kind of problem', undefined, 'the problem'],
    ['Complaint [a complaint]', 'Complaint', undefined, 'a complaint'],
    ['Plain label', 'Plain label', undefined, undefined],
  ])('%s', (written, label, negation, phrase) => {
    const forms = labelForms({ en: written });
    expect(forms.label).toEqual({ en: label });
    expect(forms.negation).toEqual(negation === undefined ? undefined : { en: negation });
    expect(forms.phrase).toEqual(phrase === undefined ? undefined : { en: phrase });
  });

  it('keeps each locale to its own forms', () => {
    expect(labelForms({ 'zh-CN': '{未|已}发货', en: 'Shipped' })).toEqual({ label: { 'zh-CN': '已发货', en: 'Shipped' }, negation: { 'zh-CN': '未发货' } });
  });
});
