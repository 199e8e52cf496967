/**
 * Every function the language has, by receiver: the namespaces (`String.len`), the methods of
 * `user`, and the unprefixed functions (the legacy String forms, group checks, `getFilteredGroups`).
 * Maps, not objects, so `String.constructor` is as unknown as `String.reverse`.
 */
import { ARRAY_FUNCTIONS } from './arrays.js';
import type { FunctionSpec } from './call.js';
import { CONVERT_FUNCTIONS, ISO3166_FUNCTIONS } from './convert.js';
import { GROUP_FUNCTIONS, GROUP_SEARCHES } from './groups.js';
import { STRING_FUNCTIONS } from './strings.js';
import { TIME_FUNCTIONS } from './time.js';
import { USER_METHODS } from './user.js';

type Table = ReadonlyMap<string, FunctionSpec>;

const table = (functions: Readonly<Record<string, FunctionSpec>>): Table => new Map(Object.entries(functions));

/** The function namespaces (`String`, `Arrays` …) and their functions. */
export const NAMESPACES: ReadonlyMap<string, Table> = new Map([
  ['String', table(STRING_FUNCTIONS)],
  ['Arrays', table(ARRAY_FUNCTIONS)],
  ['Convert', table(CONVERT_FUNCTIONS)],
  ['Iso3166Convert', table(ISO3166_FUNCTIONS)],
  ['Time', table(TIME_FUNCTIONS)],
  ['Groups', table(GROUP_SEARCHES)],
]);

const UNPREFIXED: Table = new Map([...table(STRING_FUNCTIONS), ...table(GROUP_FUNCTIONS)]);
const RECEIVERS: ReadonlyMap<string, Table> = new Map([...NAMESPACES, ['user', table(USER_METHODS)]]);

/** The functions of a receiver (`String`, `user`) or, for null, the unprefixed ones. */
export function functionsOf(receiver: string | null): Table | undefined {
  return receiver === null ? UNPREFIXED : RECEIVERS.get(receiver);
}

/** The function `name` of a receiver (null: unprefixed), or undefined. */
export function lookupFunction(receiver: string | null, name: string): FunctionSpec | undefined {
  return functionsOf(receiver)?.get(name);
}

/** `String.substring`, or `toUpperCase` unprefixed. */
export function qualifiedName(receiver: string | null, name: string): string {
  return receiver === null ? name : `${receiver}.${name}`;
}

/** The namespaces that have a function called `name` (for "did you mean"). */
export function namespacesWith(name: string): string[] {
  return [...NAMESPACES].filter(([, functions]) => functions.has(name)).map(([namespace]) => namespace);
}
