import { describe, expect, it, vi } from 'vitest';
import { bind } from '../../src/check/binder.js';
import { parse } from '../syntax/support.js';

const { ast } = parse('enum level { minor severe }\ndepartment finance\nfact amount: money\nconst limit = 5 CNY\noutcome done {}\noutcome other {}');
const { suggestions } = bind([ast]).value;

describe('NameSuggester', () => {
  it('lists the names declared as the kinds asked for, in declaration order', () => {
    expect(suggestions.namesOf('outcome')).toEqual(['done', 'other']);
    expect(suggestions.namesOf('fact', 'const')).toEqual(['amount', 'limit']);
  });

  it('suggests a close name of the list, and nothing for a far one', () => {
    expect(suggestions.suggest('othr', suggestions.namesOf('outcome'))).toBe('other');
    expect(suggestions.suggest('finance', suggestions.namesOf('outcome'))).toBeUndefined();
  });

  it('builds each list once, however many unknown names ask for it', () => {
    const build = vi.fn(() => ['minor', 'severe']);
    const first = suggestions.list('members', build);
    expect(suggestions.list('members', build)).toBe(first);
    expect(suggestions.namesOf('department')).toBe(suggestions.namesOf('department'));
    expect(build).toHaveBeenCalledTimes(1);
  });
});
