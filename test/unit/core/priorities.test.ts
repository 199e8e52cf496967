import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../../src-main/core/errors.js';
import { checkPriority, insertAt, moveTo, priorityAfter, removeFrom } from '../../../src-main/core/priorities.js';
import type { PriorityChange, Prioritized } from '../../../src-main/core/priorities.js';

/** a=1, b=2, c=3, d=4 */
const items: Prioritized[] = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, priority: i + 1 }));

/** The order after applying `changes` (which name every new item), as a string like "a x b c d". */
function orderAfter(list: Prioritized[], changes: PriorityChange[]): string {
  const priorities = new Map(list.map((item) => [item.id, item.priority]));
  for (const change of changes) priorities.set(change.id, change.priority);
  return [...priorities]
    .sort((x, y) => x[1] - y[1])
    .map(([id]) => id)
    .join(' ');
}

describe('insertAt', () => {
  it('appends at the end when no priority is given, changing nothing else', () => {
    expect(insertAt(items, 'x')).toEqual([{ id: 'x', priority: 5 }]);
  });

  it('inserts at priority N and shifts that item and the ones after it down by one', () => {
    const changes = insertAt(items, 'x', 2);
    expect(changes).toEqual([
      { id: 'x', priority: 2 },
      { id: 'b', priority: 3 },
      { id: 'c', priority: 4 },
      { id: 'd', priority: 5 },
    ]);
    expect(orderAfter(items, changes)).toBe('a x b c d');
  });

  it('inserts first at priority 1', () => {
    expect(insertAt(items, 'x', 1).map((c) => `${c.id}${c.priority}`)).toEqual(['x1', 'a2', 'b3', 'c4', 'd5']);
  });

  it('places a priority beyond the end last', () => {
    expect(insertAt(items, 'x', 99)).toEqual([{ id: 'x', priority: 5 }]);
  });

  it('gives the first item priority 1 in an empty list', () => {
    expect(insertAt([], 'x', 7)).toEqual([{ id: 'x', priority: 1 }]);
  });

  it('renumbers a list with gaps contiguously from 1', () => {
    const gappy = [
      { id: 'a', priority: 2 },
      { id: 'b', priority: 5 },
    ];
    expect(insertAt(gappy, 'x')).toEqual([
      { id: 'a', priority: 1 },
      { id: 'b', priority: 2 },
      { id: 'x', priority: 3 },
    ]);
  });
});

describe('moveTo', () => {
  it('moves an item up: the items in between shift down by one', () => {
    const changes = moveTo(items, 'd', 2);
    expect(changes).toEqual([
      { id: 'd', priority: 2 },
      { id: 'b', priority: 3 },
      { id: 'c', priority: 4 },
    ]);
    expect(orderAfter(items, changes)).toBe('a d b c');
  });

  it('moves an item down: the items in between shift up by one', () => {
    const changes = moveTo(items, 'a', 3);
    expect(changes).toEqual([
      { id: 'b', priority: 1 },
      { id: 'c', priority: 2 },
      { id: 'a', priority: 3 },
    ]);
    expect(orderAfter(items, changes)).toBe('b c a d');
  });

  it('moves an item beyond the end to last', () => {
    expect(orderAfter(items, moveTo(items, 'b', 40))).toBe('a c d b');
  });

  it('changes nothing when the priority stays the same or is not given', () => {
    expect(moveTo(items, 'c', 3)).toEqual([]);
    expect(moveTo(items, 'c')).toEqual([]);
  });
});

describe('removeFrom', () => {
  it('closes the gap: the items after the removed one move up by one', () => {
    expect(removeFrom(items, 'b')).toEqual([
      { id: 'c', priority: 2 },
      { id: 'd', priority: 3 },
    ]);
  });

  it('changes nothing when the last item is removed', () => {
    expect(removeFrom(items, 'd')).toEqual([]);
  });
});

describe('priorityAfter', () => {
  it('reads the changed priority, else the current one', () => {
    const changes = insertAt(items, 'x', 2);
    expect(priorityAfter(items, changes, 'x')).toBe(2);
    expect(priorityAfter(items, changes, 'a')).toBe(1);
  });
});

describe('priority validation', () => {
  it.each([0, -1, 1.5, Number.NaN])('refuses priority %s with a ValidationFailed naming priority', (priority) => {
    for (const attempt of [
      () => insertAt(items, 'x', priority),
      () => moveTo(items, 'a', priority),
      () => checkPriority(priority),
    ]) {
      let error: unknown;
      try {
        attempt();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).issues).toEqual([
        { field: 'priority', message: 'must be a whole number of at least 1' },
      ]);
    }
  });
});
