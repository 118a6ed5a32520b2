import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import { spellingSuggestion } from '../diagnostics/suggest.js';
import type { Span } from '../source/source-file.js';
import { dayOfIsoDate, secondsOfClock } from '../values/calendar.js';
import { durationUnitSpellings } from '../values/duration.js';
import type { Name } from './ast.js';
import { parseMoney } from '../values/money.js';
import { MAX_YUAN_TEXT } from '../values/range.js';

/**
 * Checks on number literals and their units, done while lowering: units are plain names in the
 * grammar, so `3 dayz` parses and is reported here with a suggestion.
 */

/** Each unit as it may be written, and the canonical name the AST carries. */
const unitSpellings: Readonly<Record<string, string>> = { CNY: 'CNY', ...durationUnitSpellings };

/** The number range (src/values/range.ts): at most this many digits before the decimal point. */
const maxIntegerDigits = 15;

/** The unit's canonical name (`days` → `day`), or the name as written plus a diagnostic when unknown. */
export function readUnit(unit: Name, diagnostics: Diagnostic[]): Name {
  const canonical = Object.hasOwn(unitSpellings, unit.text) ? unitSpellings[unit.text] : undefined;
  if (canonical) return { text: canonical, span: unit.span };
  diagnostics.push(unknownUnit(unit));
  return unit;
}

/** Reports a number outside the range of its type (src/values/range.ts), or money with more than two decimals. */
export function checkNumber(text: string, isMoney: boolean, span: Span, diagnostics: Diagnostic[]): void {
  const [whole, fraction = ''] = text.split('.');
  // Leading zeros do not count; the length test first spares the common short number the regex.
  if (whole.length > maxIntegerDigits && whole.replace(/^0+(?=\d)/, '').length > maxIntegerDigits) diagnostics.push(numberTooLarge(text, span));
  else if (isMoney && fraction.length > 2) diagnostics.push(moneyTooPrecise(text, span));
  else if (isMoney && whole.length > 12) {
    const read = parseMoney(text);
    if ('error' in read && read.error === 'too-large') diagnostics.push(moneyTooLarge(text, span));
  }
}

function unknownUnit(unit: Name): Diagnostic {
  const guess = spellingSuggestion(unit.text, Object.keys(unitSpellings));
  return diagnostic('syntax/unknown-unit', unit.span, msg('syntax.unknown-unit', { unit: code(unit.text) }), {
    help: guess ? msg('common.did-you-mean', { name: code(guess) }) : msg('time.units.help'),
    ...(guess ? { suggestion: { span: unit.span, replacement: guess } } : {}),
  });
}

/** Reports a date literal that is not a day of the calendar (2026-02-30) or a clock time past 23:59:59. */
export function checkDateOrTime(kind: 'date' | 'time', text: string, span: Span, diagnostics: Diagnostic[]): void {
  if (kind === 'date' ? dayOfIsoDate(text) !== undefined : secondsOfClock(text) !== undefined) return;
  diagnostics.push(diagnostic('syntax/bad-time', span, msg(kind === 'date' ? 'time.bad-date' : 'time.bad-clock', { text: code(text) }), {
    help: msg(kind === 'date' ? 'time.bad-date.help' : 'time.bad-clock.help'),
  }));
}

function numberTooLarge(text: string, span: Span): Diagnostic {
  return diagnostic('syntax/bad-number', span, msg('syntax.number-too-large', { text: code(text) }), {
    help: msg('syntax.number-too-large.help', { digits: maxIntegerDigits }),
  });
}

function moneyTooLarge(text: string, span: Span): Diagnostic {
  return diagnostic('syntax/bad-number', span, msg('syntax.money-too-large', { text: code(text) }), {
    help: msg('syntax.money-too-large.help', { max: MAX_YUAN_TEXT }),
  });
}

function moneyTooPrecise(text: string, span: Span): Diagnostic {
  return diagnostic('syntax/bad-number', span, msg('syntax.money-too-precise', { text: code(text) }), {
    help: msg('syntax.money-too-precise.help'),
  });
}
