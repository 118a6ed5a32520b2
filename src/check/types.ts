import type { ValueType } from '../graph/graph.js';

/** True when values of the two types can be compared or combined (signedness of money aside). */
export function sameType(a: ValueType, b: ValueType): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'enum' || (b.kind === 'enum' && a.enum === b.enum);
}

/** The type as a phrase for messages: "money", "a yes/no value", "a `damage_level` member". */
export function describeType(type: ValueType): string {
  switch (type.kind) {
    case 'bool':
      return 'a yes/no value';
    case 'money':
      return 'money';
    case 'number':
      return 'a number';
    case 'text':
      return 'a text';
    case 'duration':
      return 'a duration';
    case 'enum':
      return `a \`${type.enum}\` member`;
  }
}
