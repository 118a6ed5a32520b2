import { compare, isInteger, rat, Rat } from './rational.js';
import { formatMoney, formatNumber } from './format.js';
import { isZh } from './locale.js';

/**
 * What a number or money fact may hold beyond its type (`whole number 0..24`, `money ..100000 CNY`):
 * whole numbers only, and bounds that are both included. Money bounds are in fen. One place says
 * whether a value keeps them and how they read, so the case reader, the solver, the checker and
 * the handbook agree.
 */
export interface Bounds {
  readonly whole: boolean;
  readonly min: Rat | null;
  readonly max: Rat | null;
}

/** How a value stands against its bounds. */
export type BoundsVerdict = 'ok' | 'not-whole' | 'below' | 'above';

/** Whether a value (an exact number, or fen for money) keeps its bounds, and if not, why. */
export function judgeBounds(value: Rat | number, bounds: Bounds): BoundsVerdict {
  // Fen against whole-fen bounds compare as plain numbers: the case reader's fast path allocates nothing.
  if (typeof value === 'number' && (bounds.min?.d ?? 1n) === 1n && (bounds.max?.d ?? 1n) === 1n) {
    if (bounds.whole && !Number.isInteger(value)) return 'not-whole';
    if (bounds.min !== null && value < Number(bounds.min.n)) return 'below';
    if (bounds.max !== null && value > Number(bounds.max.n)) return 'above';
    return 'ok';
  }
  const x = value instanceof Rat ? value : rat(BigInt(value));
  if (bounds.whole && !isInteger(x)) return 'not-whole';
  if (bounds.min !== null && compare(x, bounds.min) < 0) return 'below';
  if (bounds.max !== null && compare(x, bounds.max) > 0) return 'above';
  return 'ok';
}

/** A bound for people: money as `¥100,000.00`, a number as written. */
export function boundText(bound: Rat, money: boolean, locale: string): string {
  return money ? formatMoney(Number(bound.n), locale) : formatNumber(bound);
}

/** What the bounds allow, as a noun phrase: "a whole number from 0 to 24", "0 到 24 之间的整数". */
export function describeBounds(bounds: Bounds, money: boolean, locale: string): string {
  const zh = isZh(locale);
  const [lo, hi] = [bounds.min, bounds.max].map((b) => (b === null ? null : boundText(b, money, locale)));
  const noun = money ? (zh ? '金额' : 'an amount') : bounds.whole ? (zh ? '整数' : 'a whole number') : zh ? '数字' : 'a number';
  if (zh) {
    if (lo !== null && hi !== null) return `${lo} 到 ${hi} 之间的${noun}`;
    if (lo !== null) return `不小于 ${lo} 的${noun}`;
    if (hi !== null) return `不大于 ${hi} 的${noun}`;
    return noun;
  }
  if (lo !== null && hi !== null) return `${noun} from ${lo} to ${hi}`;
  if (lo !== null) return `${noun} of at least ${lo}`;
  if (hi !== null) return `${noun} of at most ${hi}`;
  return noun;
}

/** The bounds as a short range for a glossary: "0–24", "≥ 1", "≤ ¥100,000.00"; empty without bounds. */
export function rangeText(bounds: Bounds, money: boolean, locale: string): string {
  const [lo, hi] = [bounds.min, bounds.max].map((b) => (b === null ? null : boundText(b, money, locale)));
  if (lo !== null && hi !== null) return `${lo}–${hi}`;
  if (lo !== null) return `≥ ${lo}`;
  if (hi !== null) return `≤ ${hi}`;
  return '';
}
