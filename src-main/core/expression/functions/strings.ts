/**
 * `String.*` (Okta "Expression Language overview"), also callable unprefixed (the legacy forms). Null-safe like the Apache
 * Commons StringUtils Okta's functions mirror: a null subject gives null (`len` 0, checks false),
 * other null arguments read as `""`. `replace` and `replaceFirst` are literal, not regular expressions;
 * `removeSpaces` removes space characters (U+0020) only.
 */
import { fn, integer, optionalText, text } from './call.js';
import type { Call, FunctionSpec } from './call.js';
import type { Value } from '../values.js';

/** A string function of its subject: null in, `ifNull` out; the subject's length is charged. */
function onSubject(
  arity: number,
  ifNull: Value,
  body: (subject: string, args: readonly Value[], call: Call) => Value,
): FunctionSpec {
  return fn(arity, arity, (args, call) => {
    const subject = optionalText(call, args, 0);
    if (subject === null) return ifNull;
    call.tick(subject.length);
    return body(subject, args, call);
  });
}

function charged(call: Call, result: string): string {
  call.budget.checkLength(result.length, call.at);
  call.tick(result.length);
  return result;
}

/** `String.*` (and the unprefixed forms) by name. */
export const STRING_FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  append: fn(2, 2, (args, call) => call.budget.join([text(call, args, 0), text(call, args, 1)], '', call.at)),
  join: fn(1, Infinity, (args, call) => {
    const separator = text(call, args, 0);
    // An array argument contributes its elements (Java varargs given an array); null reads as "".
    const parts = args
      .slice(1)
      .flatMap((arg, i) => (Array.isArray(arg) ? arg : [arg]).map((item) => joinable(call, item, i + 1)));
    return call.budget.join(parts, separator, call.at);
  }),
  len: onSubject(1, 0, (subject) => subject.length),
  removeSpaces: onSubject(1, null, (subject) => subject.split(' ').join('')),
  replace: onSubject(3, null, (subject, args, call) => {
    const search = text(call, args, 1);
    if (search === '') return subject;
    const parts = subject.split(search);
    return call.budget.join(parts, text(call, args, 2), call.at);
  }),
  replaceFirst: onSubject(3, null, (subject, args, call) => {
    const search = text(call, args, 1);
    const at = search === '' ? -1 : subject.indexOf(search);
    if (at < 0) return subject;
    return call.budget.join(
      [subject.slice(0, at), text(call, args, 2), subject.slice(at + search.length)],
      '',
      call.at,
    );
  }),
  startsWith: onSubject(2, false, (subject, args, call) => subject.startsWith(text(call, args, 1))),
  stringContains: onSubject(2, false, (subject, args, call) => subject.includes(text(call, args, 1))),
  stringSwitch: fn(
    4,
    Infinity,
    (args, call) => {
      const subject = optionalText(call, args, 0);
      if (subject !== null) {
        for (let i = 2; i + 1 < args.length; i += 2) {
          call.tick(subject.length);
          if (subject.includes(text(call, args, i))) return args[i + 1]!;
        }
      }
      return args[1]!;
    },
    { pairs: true },
  ),
  substring: onSubject(3, null, (subject, args, call) => {
    const start = integer(call, args, 1);
    const end = integer(call, args, 2);
    if (start < 0 || end > subject.length || start > end) {
      call.fail(
        'EL_ARGUMENT',
        `${call.name} needs 0 ≤ start ≤ end ≤ ${subject.length} (the length), got start ${start} and end ${end}`,
      );
    }
    return subject.slice(start, end);
  }),
  // Commons semantics: not found → the whole string before, "" after; an empty separator → "" before, all after.
  substringAfter: onSubject(2, null, (subject, args, call) => {
    const separator = text(call, args, 1);
    const at = subject.indexOf(separator);
    return at < 0 ? '' : subject.slice(at + separator.length);
  }),
  substringBefore: onSubject(2, null, (subject, args, call) => {
    const separator = text(call, args, 1);
    const at = subject.indexOf(separator);
    return at < 0 ? subject : subject.slice(0, at);
  }),
  toUpperCase: onSubject(1, null, (subject, _args, call) => charged(call, subject.toUpperCase())),
  toLowerCase: onSubject(1, null, (subject, _args, call) => charged(call, subject.toLowerCase())),
};

function joinable(call: Call, item: Value, i: number): string {
  if (item === null) return '';
  if (typeof item === 'object')
    call.fail('EL_TYPE', `${call.name} joins strings, numbers and booleans, got a nested array or object`, i);
  return String(item);
}
