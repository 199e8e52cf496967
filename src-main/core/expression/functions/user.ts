/**
 * The methods of `user` (Okta "Expression Language overview"). `getInternalProperty("id"|"status")` reads what is not in
 * the profile. `getGroups(filter[, filter])` returns the user's groups as objects `{id, name, type,
 * profile: {name}}` (so `.![name]` lists names) that pass every filter map: keys `group.id`,
 * `group.source.id`, `group.type` (exact) and `group.profile.name` compared by the map's
 * `operator`, `STARTS_WITH` (the default) or `EXACT`, case-insensitively as Okta's group search;
 * a value is a string or a list of them (any may match). Without a user: null, and no groups.
 */
import { isObject } from '../values.js';
import type { Value, ValueObject } from '../values.js';
import type { ExpressionGroup } from '../types.js';
import { fn, text, wrongType } from './call.js';
import type { Call, FunctionSpec } from './call.js';
import { groupsOf } from './groups.js';

type GroupTest = (group: ExpressionGroup) => boolean;

const KEYS = ['group.id', 'group.source.id', 'group.type', 'group.profile.name', 'operator'];
const OPERATORS = ['STARTS_WITH', 'EXACT'];

/** A filter value: a string or a list of strings. */
function wanted(call: Call, value: Value, i: number, key: string): string[] {
  const items = Array.isArray(value) ? value : [value];
  if (items.some((item) => typeof item !== 'string'))
    call.fail('EL_TYPE', `${call.name}: '${key}' takes a string or a list of strings`, i);
  call.tick(items.length);
  return items as string[];
}

/** The tests one filter map stands for. */
function testsOf(call: Call, filter: ValueObject, i: number): GroupTest[] {
  const unknown = Object.keys(filter).find((key) => !KEYS.includes(key));
  if (unknown !== undefined)
    call.fail('EL_ARGUMENT', `${call.name}: unknown filter key '${unknown}' (keys: ${KEYS.join(', ')})`, i);
  const operator = filter['operator'] ?? 'STARTS_WITH';
  if (typeof operator !== 'string' || !OPERATORS.includes(operator.toUpperCase())) {
    call.fail('EL_ARGUMENT', `${call.name}: the operator is STARTS_WITH or EXACT`, i);
  }
  const exact = operator.toUpperCase() === 'EXACT';
  const tests: GroupTest[] = [];
  const add = (key: string, test: (group: ExpressionGroup, value: string) => boolean) => {
    if (!Object.hasOwn(filter, key)) return;
    const values = wanted(call, filter[key]!, i, key);
    tests.push((group) => values.some((value) => test(group, value)));
  };
  add('group.id', (group, id) => group.id === id);
  add('group.source.id', (group, id) => group.sourceId === id);
  add('group.type', (group, type) => group.type.toUpperCase() === type.toUpperCase());
  add('group.profile.name', (group, name) => {
    const [have, want] = [group.name.toLowerCase(), name.toLowerCase()];
    return exact ? have === want : have.startsWith(want);
  });
  return tests;
}

function groupObject(group: ExpressionGroup): ValueObject {
  return { id: group.id, name: group.name, type: group.type, profile: { name: group.name } };
}

/** The methods of `user` by name. */
export const USER_METHODS: Readonly<Record<string, FunctionSpec>> = {
  getInternalProperty: fn(1, 1, (args, call) => {
    const name = text(call, args, 0);
    if (name !== 'id' && name !== 'status')
      return call.fail(
        'EL_ARGUMENT',
        `${call.name} reads "id" or "status", got ${JSON.stringify(name.slice(0, 40))}`,
        0,
      );
    const user = call.context.user;
    return user ? user[name] : null;
  }),
  getGroups: fn(
    1,
    2,
    (args, call) => {
      const tests = args.flatMap((filter, i) => {
        if (!isObject(filter)) return wrongType(call, args, i, "a filter map like {'group.profile.name': 'Eng'}");
        return testsOf(call, filter, i);
      });
      const groups = groupsOf(call).filter((group) => tests.every((test) => test(group)));
      call.tick(groups.length * tests.length);
      return groups.map(groupObject);
    },
    { maps: true },
  ),
};
