import { code, msg, type MessageRef } from '../diagnostics/message.js';
import type { ValueType } from '../graph/graph.js';

/** True when values of the two types can be compared or combined (signedness of money aside). */
export function sameType(a: ValueType, b: ValueType): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'enum' || (b.kind === 'enum' && a.enum === b.enum);
}

/** The type as a phrase for messages: "money", "a yes/no value", "a `damage_level` member". */
export function describeType(type: ValueType): MessageRef {
  switch (type.kind) {
    case 'enum':
      return msg('type.enum', { enum: code(type.enum) });
    default:
      return msg(`type.${type.kind}`);
  }
}
