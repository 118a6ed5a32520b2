import AjvModule, { type Ajv as AjvInstance } from 'ajv';
import { describe, expect, it } from 'vitest';
import { caseSchema, caseValidator } from '../../src/eval/input/case-schema.js';
import { loadGraph, SHOP } from './fixtures.js';

const graph = loadGraph(SHOP);

describe('caseSchema', () => {
  const schema = caseSchema(graph, 'en');

  it('is a draft-07 object schema with one optional property per fact, refusing others', () => {
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', additionalProperties: false });
    // `now` is the built-in fact the outcomes' deadlines count from.
    expect(Object.keys(schema.properties as object)).toEqual(['problem', 'item_value', 'shipping', 'profit', 'small', 'confirmed', 'damage', 'pieces', 'remark', 'now']);
    expect(schema.required).toBeUndefined();
  });

  it('maps each fact type to JSON Schema', () => {
    const p = schema.properties as Record<string, Record<string, unknown>>;
    expect(p.problem).toMatchObject({ enum: ['missing', 'damaged', 'late', null], enumDescriptions: ['Missing items', 'Damaged', 'Late delivery', ''] });
    // The money range (±9,999,999,999,999.99 CNY) is stated in the schema, for numbers and strings.
    expect(p.item_value).toMatchObject({ type: ['number', 'string', 'null'], minimum: 0, maximum: 9999999999999.99, pattern: '^0*\\d{1,13}(\\.\\d{1,2})?$' });
    expect(p.profit).toMatchObject({ type: ['number', 'string', 'null'], minimum: -9999999999999.99, maximum: 9999999999999.99, pattern: '^-?0*\\d{1,13}(\\.\\d{1,2})?$' });
    expect(p.small).toMatchObject({ type: ['boolean', 'null'] });
    expect(p.pieces).toMatchObject({ type: ['number', 'null'], minimum: -999999999999999, maximum: 999999999999999 });
    expect(p.remark).toMatchObject({ type: ['string', 'null'] });
    expect(p.item_value.description).toBe('Item value — What is the item worth, in yuan?');
  });

  it('describes facts in the requested locale', () => {
    const zh = caseSchema(graph, 'zh-CN').properties as Record<string, Record<string, unknown>>;
    expect(zh.item_value.description).toBe('商品价值 — 商品价值多少元？');
  });

  it('is usable by a plain ajv, as other tools would use it', () => {
    const Ajv = (AjvModule as unknown as { default: typeof AjvInstance }).default;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate({ problem: 'missing', item_value: '12.50', small: true })).toBe(true);
    expect(validate({ problem: 'nope' })).toBe(false);
    expect(validate({ item_value: '12.345' })).toBe(false);
    expect(validate({ item_value: -1 })).toBe(false);
    expect(validate({ other: 1 })).toBe(false);
  });
});

describe('caseValidator', () => {
  it('compiles once per graph', () => {
    expect(caseValidator(graph)).toBe(caseValidator(graph));
  });

  it('reports every error, not just the first', () => {
    const validate = caseValidator(graph);
    expect(validate({ problem: 1, small: 'x', zzz: 1 })).toBe(false);
    expect(new Set(validate.errors?.map((e) => e.instancePath || e.params.additionalProperty))).toEqual(new Set(['/problem', '/small', 'zzz']));
  });
});
