/**
 * Group functions (Okta "Expression Language overview"), all over the user's groups in context order (Everyone first);
 * without a user there are none, so checks are false and lists empty. A null name or pattern
 * matches nothing.
 * - Checks `isMemberOf…` compare case-sensitively (Java `equals`, `startsWith`, `contains`;
 *   `…Regex` matches the whole name).
 * - Searches are case-insensitive, as Okta's group search: `Groups.startsWith|contains|endsWith(
 *   source, pattern, limit)` give names, `source` "OKTA" meaning Okta groups (OKTA_GROUP and the
 *   BUILT_IN Everyone), any other value the APP_GROUPs imported from that app (`group.source.id`);
 *   `limit` is 1–100 (Okta's cap). `user.getGroups` is in `user.ts`.
 */
import type { ExpressionGroup } from '../types.js';
import type { Value } from '../values.js';
import { fn, integer, list, optionalText, text, wrongType } from './call.js';
import type { Call, FunctionSpec } from './call.js';
import { compileJavaRegex } from './regex.js';

/** The user's groups, charged one step each. */
export function groupsOf(call: Call): readonly ExpressionGroup[] {
  const groups = call.context.user?.groups ?? [];
  call.tick(groups.length);
  return groups;
}

/** A check of the groups' names against a string argument. */
function nameCheck(test: (name: string, wanted: string) => boolean): FunctionSpec {
  return fn(1, 1, (args, call) => {
    const wanted = optionalText(call, args, 0);
    return wanted !== null && groupsOf(call).some((group) => test(group.name, wanted));
  });
}

/** 1–100, Okta's limit on group lists. */
function limitOf(call: Call, args: readonly Value[], i: number): number {
  const limit = integer(call, args, i);
  if (limit < 1 || limit > 100)
    call.fail('EL_ARGUMENT', `${call.name}: the limit must be between 1 and 100, got ${limit}`, i);
  return limit;
}

function fromSource(group: ExpressionGroup, source: string): boolean {
  if (source.toUpperCase() === 'OKTA') return group.type !== 'APP_GROUP';
  return group.type === 'APP_GROUP' && group.sourceId === source;
}

/** `Groups.*`: names of the source's groups whose lower-cased name passes `test`. */
function search(test: (name: string, pattern: string) => boolean): FunctionSpec {
  return fn(3, 3, (args, call) => {
    const source = text(call, args, 0);
    const pattern = optionalText(call, args, 1);
    const limit = limitOf(call, args, 2);
    if (pattern === null) return [];
    const needle = pattern.toLowerCase();
    const found = groupsOf(call).filter((group) => fromSource(group, source) && test(group.name.toLowerCase(), needle));
    return found.slice(0, limit).map((group) => group.name);
  });
}

/** What `getFilteredGroups` can return of each group. */
const GROUP_ATTRIBUTES: ReadonlyMap<string, (group: ExpressionGroup) => string> = new Map([
  ['group.name', (group: ExpressionGroup) => group.name],
  ['group.profile.name', (group: ExpressionGroup) => group.name],
  ['group.id', (group: ExpressionGroup) => group.id],
]);

/** The unprefixed group functions by name. */
export const GROUP_FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  isMemberOfGroupName: nameCheck((name, wanted) => name === wanted),
  isMemberOfGroupNameStartsWith: nameCheck((name, wanted) => name.startsWith(wanted)),
  isMemberOfGroupNameContains: nameCheck((name, wanted) => name.includes(wanted)),
  isMemberOfGroupNameRegex: fn(1, 1, (args, call) => {
    const pattern = optionalText(call, args, 0);
    if (pattern === null) return false;
    const regex = compileJavaRegex(pattern);
    if (typeof regex === 'string') return call.fail('EL_ARGUMENT', `${call.name}: ${regex}`, 0);
    return groupsOf(call).some((group) => {
      call.tick(group.name.length);
      return regex.test(group.name);
    });
  }),
  isMemberOfGroup: fn(1, 1, (args, call) => {
    const id = optionalText(call, args, 0);
    return id !== null && groupsOf(call).some((group) => group.id === id);
  }),
  isMemberOfAnyGroup: fn(1, Infinity, (args, call) => {
    const ids = args.flatMap((arg, i) => {
      if (arg !== null && typeof arg === 'object' && !Array.isArray(arg))
        wrongType(call, args, i, 'a group id or an array of them');
      return Array.isArray(arg) ? arg : [arg];
    });
    call.tick(ids.length);
    return groupsOf(call).some((group) => ids.includes(group.id));
  }),
  getFilteredGroups: fn(
    3,
    3,
    (args, call) => {
      const ids = list(call, args, 0);
      const attribute = text(call, args, 1);
      const read =
        GROUP_ATTRIBUTES.get(attribute) ??
        call.fail(
          'EL_ARGUMENT',
          `${call.name} returns one of ${[...GROUP_ATTRIBUTES.keys()].join(', ')}, got ${JSON.stringify(attribute.slice(0, 40))}`,
          1,
        );
      const limit = limitOf(call, args, 2);
      call.tick(ids.length);
      return groupsOf(call)
        .filter((group) => ids.includes(group.id))
        .slice(0, limit)
        .map(read);
    },
    { maps: true },
  ),
};

/** `Groups.*` by name. */
export const GROUP_SEARCHES: Readonly<Record<string, FunctionSpec>> = {
  startsWith: search((name, pattern) => name.startsWith(pattern)),
  contains: search((name, pattern) => name.includes(pattern)),
  endsWith: search((name, pattern) => name.endsWith(pattern)),
};
