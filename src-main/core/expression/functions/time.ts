/**
 * `Time.*` (Okta "Expression Language overview"): strings in, strings out. ISO 8601 output is Okta's
 * `2024-01-02T03:04:05.000Z`; patterns are the Joda subset of `joda.ts`; zones those of `zones.ts`.
 * `fromIso8601ToString` writes in UTC (Okta's JVM zone), whatever offset the input had. Windows
 * file times count 100 ns since 1601-01-01 and are read and written exactly (BigInt); Unix times
 * are seconds (a fraction is kept to the millisecond). Null gives null.
 */
import { fieldsOf, formatIso, parseIso } from './calendar.js';
import { compilePattern, formatPieces, parsePieces } from './joda.js';
import type { Piece } from './joda.js';
import { zoneOffset } from './zones.js';
import { fn, optionalText, textOrNumber } from './call.js';
import type { Call, FunctionSpec } from './call.js';
import type { Value } from '../values.js';

/** 100-ns ticks between 1601-01-01 and 1970-01-01. */
const WINDOWS_EPOCH = 116_444_736_000_000_000n;
const SECONDS = /^\s*-?\d{1,12}(?:\.\d{1,9})?\s*$/;
const FILE_TIME = /^\s*\d{1,20}\s*$/;

function iso(call: Call, ms: number, offset: number): string {
  return formatIso(ms, offset) ?? call.fail('EL_ARGUMENT', `${call.name}: the date is outside the years 0000–9999`);
}

function pattern(call: Call, args: readonly Value[], i: number): Piece[] {
  const source = optionalText(call, args, i) ?? '';
  call.tick(source.length);
  const pieces = compilePattern(source);
  if (typeof pieces === 'string') call.fail('EL_ARGUMENT', `${call.name}: ${pieces}`, i);
  return pieces;
}

/** The instant of an ISO 8601 argument. */
function instant(call: Call, args: readonly Value[], i: number): number | null {
  const text = optionalText(call, args, i);
  if (text === null) return null;
  call.tick(text.length);
  return (
    parseIso(text) ??
    call.fail('EL_ARGUMENT', `${call.name}: ${JSON.stringify(text.slice(0, 40))} is not an ISO 8601 date and time`, i)
  );
}

/** A numeric argument matching `shape` (text or a number), or null. */
function numeral(call: Call, args: readonly Value[], shape: RegExp, what: string): string | null {
  const text = textOrNumber(call, args, 0);
  if (text === null) return null;
  call.tick(text.length);
  if (!shape.test(text))
    call.fail('EL_ARGUMENT', `${call.name}: ${JSON.stringify(text.slice(0, 40))} is not ${what}`, 0);
  return text.trim();
}

/** `Time.*` by name. */
export const TIME_FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  now: fn(0, 2, (args, call) => {
    const ms = call.context.now.getTime();
    const zone = optionalText(call, args, 0) ?? 'UTC';
    const offset =
      zoneOffset(zone, ms) ??
      call.fail('EL_ARGUMENT', `${call.name}: unsupported time zone ${JSON.stringify(zone.slice(0, 40))}`, 0);
    const text = iso(call, ms, offset);
    if (args.length < 2 || args[1] === null) return text;
    return formatPieces(pattern(call, args, 1), fieldsOf(ms, offset), offset);
  }),
  fromWindowsToIso8601: fn(1, 1, (args, call) => {
    const text = numeral(call, args, FILE_TIME, 'a Windows file time (100-ns intervals since 1601)');
    return text === null ? null : iso(call, Number((BigInt(text) - WINDOWS_EPOCH) / 10_000n), 0);
  }),
  fromUnixToIso8601: fn(1, 1, (args, call) => {
    const text = numeral(call, args, SECONDS, 'a Unix time in seconds');
    return text === null ? null : iso(call, Math.round(Number(text) * 1000), 0);
  }),
  fromStringToIso8601: fn(2, 2, (args, call) => {
    const text = optionalText(call, args, 0);
    const pieces = pattern(call, args, 1);
    if (text === null) return null;
    call.tick(text.length);
    const ms = parsePieces(pieces, text);
    if (typeof ms === 'string')
      return call.fail('EL_ARGUMENT', `${call.name}: ${JSON.stringify(text.slice(0, 40))} ${ms}`, 0);
    return iso(call, ms, 0);
  }),
  fromIso8601ToWindows: fn(1, 1, (args, call) => {
    const ms = instant(call, args, 0);
    return ms === null ? null : String(BigInt(ms) * 10_000n + WINDOWS_EPOCH);
  }),
  fromIso8601ToUnix: fn(1, 1, (args, call) => {
    const ms = instant(call, args, 0);
    return ms === null ? null : String(Math.floor(ms / 1000));
  }),
  fromIso8601ToString: fn(2, 2, (args, call) => {
    const ms = instant(call, args, 0);
    const pieces = pattern(call, args, 1);
    return ms === null ? null : formatPieces(pieces, fieldsOf(ms, 0), 0);
  }),
};
