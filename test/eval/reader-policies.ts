import type { DecisionGraph } from '../../src/graph/graph.js';
import { rat } from '../../src/values/rational.js';
import { buildGraph, types } from './graph-builder.js';
import { loadGraph, REFERENCE, SHOP } from './fixtures.js';

const base = buildGraph({
  facts: { days: types.number, share: types.number, price: types.money, balance: types.signedMoney },
  decisions: { start: { branches: [{ when: null, to: 'done' }] } },
  outcomes: { done: {} },
});

/**
 * A policy of whole and bounded facts (`whole number 0..24`, `number -1/4..1`,
 * `money ..100000 CNY`, `signed money -500.. CNY`), for the tests that hold the case readers
 * (the fast read, the one-pass line reader) equal to the full read on them.
 */
export const boundedFactsGraph: DecisionGraph = {
  ...base,
  facts: {
    days: { ...base.facts.days, bounds: { whole: true, min: rat(0n), max: rat(24n) } },
    share: { ...base.facts.share, bounds: { whole: false, min: rat(-1n, 4n), max: rat(1n) } },
    price: { ...base.facts.price, bounds: { whole: false, min: null, max: rat(10_000_000n) } },
    balance: { ...base.facts.balance, bounds: { whole: false, min: rat(-50_000n), max: null } },
  },
};

/**
 * A policy with a fact of every type, a duration included, and ids that share a first letter or
 * are prefixes of each other (`kind`/`kin`, members `a`/`ab`, and `constructor`).
 */
export const everyTypeGraph: DecisionGraph = buildGraph({
  facts: {
    flag: types.bool, amount: types.money, balance: types.signedMoney, count: types.number, note: types.text,
    kind: types.enumOf('kind'), wait: types.duration, kin: types.bool,
    on: { kind: 'date' }, at: { kind: 'datetime' }, clock: { kind: 'time' },
  },
  enums: { kind: ['a', 'b', 'ab', 'constructor'] },
  decisions: { start: { branches: [{ when: null, to: 'done' }] } },
  outcomes: { done: {} },
});

/** The policies both case-reader property tests run on, with the name each test reports. */
export const readerPolicies: readonly [string, DecisionGraph][] = [
  ['the fixture policy', loadGraph(SHOP)],
  ['the reference policy', loadGraph(REFERENCE)],
  ['a policy with every type of fact', everyTypeGraph],
  ['a policy with whole and bounded facts', boundedFactsGraph],
];
