/**
 * Calendar arithmetic for the Time functions without `Intl`: an instant (epoch milliseconds) and an
 * offset (minutes east of UTC) to wall-clock fields and back, and ISO 8601 text as Okta writes it
 * (`2024-01-02T03:04:05.000Z`, or `+05:30` in another offset). Years 0000–9999 only.
 */

export interface Fields {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  /** 0 = Sunday (set by `fieldsOf`, ignored by `instantOf`). */
  weekday: number;
}

const MINUTE = 60_000;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** `value` zero-padded to `width` digits. */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The wall-clock fields of `ms` at `offset`. */
export function fieldsOf(ms: number, offset: number): Fields {
  const date = new Date(ms + offset * MINUTE);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millis: date.getUTCMilliseconds(),
    weekday: date.getUTCDay(),
  };
}

/** The instant of wall-clock `fields` at `offset`, or undefined when a field is out of range (Feb 30, 24:00 …). */
export function instantOf(fields: Omit<Fields, 'weekday'>, offset: number): number | undefined {
  const { year, month, day, hour, minute, second, millis } = fields;
  if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || millis > 999) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime() - offset * MINUTE;
}

function daysIn(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** `+05:30` (`colon`) or `+0530`. */
export function formatOffset(offset: number, colon: boolean): string {
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset);
  return `${sign}${pad(Math.floor(minutes / 60), 2)}${colon ? ':' : ''}${pad(minutes % 60, 2)}`;
}

/** `Z`, `+05:30`, `+0530` or `-05` as minutes east of UTC (at most ±18:00, as java.time), or undefined. */
export function parseOffset(text: string): number | undefined {
  if (/^z$/i.test(text)) return 0;
  const match = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (minutes > 59 || hours * 60 + minutes > 18 * 60) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** ISO 8601 with milliseconds, or undefined outside the years 0000–9999. */
export function formatIso(ms: number, offset: number): string | undefined {
  const f = fieldsOf(ms, offset);
  if (!Number.isFinite(f.year) || f.year < 0 || f.year > 9999) return undefined;
  const date = `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}`;
  const time = `${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}.${pad(f.millis, 3)}`;
  return `${date}T${time}${offset === 0 ? 'Z' : formatOffset(offset, true)}`;
}

/** The instant of ISO 8601 text (a date, or a date and time; no offset means UTC), or undefined. */
export function parseIso(text: string): number | undefined {
  const match = ISO.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const fields = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millis: Number((fraction ?? '').padEnd(3, '0').slice(0, 3)),
  };
  const minutes = offset ? parseOffset(offset) : 0;
  return minutes === undefined ? undefined : instantOf(fields, minutes);
}
