/**
 * `Arrays.*` (Okta "Expression Language overview"). Arrays are never changed in place: `add`, `remove` and `clear` return
 * new arrays. Wherever an array is expected a CSV string is accepted (`"a,b"` is `["a","b"]`) and
 * null reads as an empty array (`size` 0, `isEmpty` true); `get` and `toCsvString` of null are null.
 * `contains` and `remove` compare as `==` does; `remove` drops the first equal element (Java's List.remove).
 */
import { fn, integer, list, optionalList } from './call.js';
import type { Call, FunctionSpec } from './call.js';
import { javaString, valuesEqual } from '../values.js';
import type { Value } from '../values.js';

/** A result array, charged per element and checked against the size cap. */
function result(call: Call, items: Value[]): Value[] {
  call.budget.checkSize(items.length, call.at);
  call.tick(items.length);
  return items;
}

function indexOf(call: Call, items: readonly Value[], value: Value): number {
  return items.findIndex((item) => valuesEqual(item, value, call.budget, call.at));
}

/** Every argument's elements at any depth, in order; iterative, so nesting cannot exhaust the stack. */
function flatten(call: Call, args: readonly Value[]): Value[] {
  const out: Value[] = [];
  const pending: Value[] = args.map((arg) => arg ?? []).reverse();
  while (pending.length) {
    const item = pending.pop()!;
    call.tick(1);
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) pending.push(item[i]!);
    } else {
      out.push(item);
      call.budget.checkSize(out.length, call.at);
    }
  }
  return out;
}

/** `Arrays.*` by name. */
export const ARRAY_FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  add: fn(2, 2, (args, call) => result(call, [...list(call, args, 0), args[1]!])),
  remove: fn(2, 2, (args, call) => {
    const items = list(call, args, 0);
    const at = indexOf(call, items, args[1]!);
    return result(call, at < 0 ? [...items] : [...items.slice(0, at), ...items.slice(at + 1)]);
  }),
  clear: fn(1, 1, (args, call) => {
    list(call, args, 0);
    return [];
  }),
  get: fn(2, 2, (args, call) => {
    const items = optionalList(call, args, 0);
    const index = integer(call, args, 1);
    if (items === null) return null;
    if (index < 0 || index >= items.length)
      call.fail('EL_INDEX', `${call.name}: index ${index} is outside the array (size ${items.length})`, 1);
    return items[index]!;
  }),
  flatten: fn(1, Infinity, (args, call) => flatten(call, args)),
  contains: fn(2, 2, (args, call) => indexOf(call, list(call, args, 0), args[1]!) >= 0),
  size: fn(1, 1, (args, call) => list(call, args, 0).length),
  isEmpty: fn(1, 1, (args, call) => list(call, args, 0).length === 0),
  toCsvString: fn(1, 1, (args, call) => {
    const items = optionalList(call, args, 0);
    if (items === null) return null;
    return call.budget.join(
      items.map((item) => javaString(item, call.budget, call.at)),
      ',',
      call.at,
    );
  }),
};
