/**
 * Time zones for `Time.now(tz)`: `UTC`/`GMT`/`Z`, fixed offsets (`+05:00`, `-0800`, `UTC+5`,
 * `GMT-03:30`), `Etc/GMT±N` (POSIX sign: `Etc/GMT+5` is five hours behind UTC), and IANA names
 * (`Europe/Paris`) through the ES2022 `Intl.DateTimeFormat` where the runtime has time zone data.
 */
import { parseOffset } from './calendar.js';

const UTC = /^(?:UTC|GMT|UT|Z|Etc\/UTC|Etc\/GMT|Etc\/UCT|Etc\/Zulu)$/i;
const FIXED = /^(?:UTC|GMT)?([+-]\d{1,2}(?::?\d{2})?)$/i;
const ETC = /^Etc\/GMT([+-])(\d{1,2})$/i;

/** Formatters by zone name; a name Intl refuses is remembered as null. Bounded: zone names are few. */
const formats = new Map<string, Intl.DateTimeFormat | null>();
const MAX_CACHED = 1000;

/** Minutes east of UTC of `zone` at instant `ms`, or undefined for a zone this engine does not know. */
export function zoneOffset(zone: string, ms: number): number | undefined {
  const name = zone.trim();
  if (UTC.test(name)) return 0;
  const fixed = FIXED.exec(name);
  if (fixed) return parseOffset(fixed[1]!);
  const etc = ETC.exec(name);
  if (etc) {
    const hours = Number(etc[2]);
    if (hours > 14) return undefined;
    return (etc[1] === '+' ? -60 : 60) * hours;
  }
  return intlOffset(name, ms);
}

function intlOffset(zone: string, ms: number): number | undefined {
  const format = formatFor(zone);
  if (!format) return undefined;
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) parts[part.type] = Number(part.value);
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = parts;
  const wall = Date.UTC(year, month - 1, day, hour % 24, minute, second);
  const offset = Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
  return Number.isFinite(offset) ? offset : undefined;
}

function formatFor(zone: string): Intl.DateTimeFormat | null {
  const cached = formats.get(zone);
  if (cached !== undefined) return cached;
  let format: Intl.DateTimeFormat | null = null;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    // RangeError: not a time zone this runtime knows (or no Intl at all).
  }
  if (formats.size < MAX_CACHED) formats.set(zone, format);
  return format;
}
