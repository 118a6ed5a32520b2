/**
 * What `JSON.parse` loses of a JSON object text, found in it. First, a repeated key. `JSON.parse` silently keeps the last of two equal
 * keys, while a case file refuses them (a typo must never silently change a decision), so a JSON
 * line is checked too: its top-level keys are counted in one pass over the text and compared with
 * the number of distinct keys the parsed object has.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * The first key that appears twice at the top level of `text` (valid JSON of an object whose
 * parsed form has `distinct` keys), or undefined when every key appears once.
 */
export function duplicateKey(text: string, distinct: number): string | undefined {
  const keys = flatKeyCount(text) ?? topLevelKeys(text, false).count;
  if (keys === distinct) return undefined;
  const seen = new Set<string>();
  for (const key of topLevelKeys(text, true).names) {
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return undefined;
}

/**
 * The number of keys of a flat object written without escapes or spaces before colons (the
 * usual case line after line) found by native searches alone: with no `\\` a string holds no
 * `"`, so every `":` ends a key. Undefined when the text is not that simple.
 */
function flatKeyCount(text: string): number | undefined {
  // Native searches, much faster here than one regular expression or a loop over characters.
  if (text.includes('\\') || text.includes('[') || text.indexOf('{', 1) >= 0 || text.includes(' :') || text.includes('\t:') || text.includes('\r:')) return undefined;
  let count = 0;
  for (let i = text.indexOf('":'); i >= 0; i = text.indexOf('":', i + 2)) count++;
  return count;
}

/** Counts (and, when asked, decodes) the keys of the top-level object. */
function topLevelKeys(text: string, decode: boolean): { count: number; names: string[] } {
  const names: string[] = [];
  let count = 0;
  let depth = 0;
  let expectKey = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (depth === 1 && expectKey) {
        count++;
        if (decode) names.push(JSON.parse(text.slice(i, end + 1)) as string);
        expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      expectKey = depth === 1 && c === OPEN_BRACE;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
    else if (depth === 1 && c === COMMA) expectKey = true;
    else if (depth === 1 && c === COLON) expectKey = false;
    i++;
  }
  return { count, names };
}

/**
 * Whether `text` may hold a number that a double does not keep exactly: one written with more
 * than 15 significant digits, which needs a run of at least 16 digits and points. Lines without
 * one (nearly all) skip the scan of `topLevelNumbers`.
 */
export function mayHoldLongNumber(text: string): boolean {
  return LONG_NUMBER.test(text);
}

const LONG_NUMBER = /[0-9][0-9.]{15}/;

/**
 * The text of each number written as a top-level value of the object `text` (valid JSON), by key:
 * `JSON.parse` reads `499.999999999999999999` as 500, and a case must be read as written or refused.
 */
export function topLevelNumbers(text: string): Map<string, string> {
  const numbers = new Map<string, string>();
  let depth = 0;
  let key: string | undefined;
  let afterColon = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (depth === 1 && !afterColon) key = JSON.parse(text.slice(i, end + 1)) as string;
      afterColon = false;
      i = end + 1;
      continue;
    }
    if (depth === 1 && afterColon && (c === MINUS || (c >= DIGIT_0 && c <= DIGIT_9))) {
      const match = NUMBER.exec(text.slice(i));
      if (match && key !== undefined) numbers.set(key, match[0]);
      afterColon = false;
      i += match ? match[0].length : 1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
    if (depth === 1 && c === COLON) afterColon = true;
    else if (c !== SPACE && c !== TAB && c !== CR && c !== LF) afterColon = false;
    i++;
  }
  return numbers;
}

const NUMBER = /^-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/;
const MINUS = 45;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;

/** The index of the quote that closes the string starting at `start`. */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    j = text.indexOf('"', j);
    if (j < 0) return text.length;
    let backslashes = 0;
    for (let k = j - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return j;
    j++;
  }
}
