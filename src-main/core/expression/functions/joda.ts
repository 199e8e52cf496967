/**
 * The subset of Joda-Time patterns the Time functions format and parse with:
 * `y`/`Y` year (`yy` two digits, 20xx when parsed), `M` month (`M` 1–12, `MM` 01, `MMM` Jan,
 * `MMMM` January), `d` day, `H` hour 0–23, `h` hour 1–12 with `a` AM/PM, `m` minute, `s` second,
 * `S` fraction of a second (`SSS` milliseconds), `Z` offset (`Z` +0000, `ZZ` +00:00), `E` weekday
 * (`EEE` Mon, `EEEE` Monday; ignored when parsing), `'text'` (with `''` for a quote); any other
 * non-letter stands for itself. Any other letter is refused. When parsing, a single letter takes one
 * or two digits (`y`: one to four) and a repeated one exactly that many; missing fields are
 * 1970-01-01T00:00:00.000 and the offset UTC.
 */
import { formatOffset, instantOf, pad, parseOffset } from './calendar.js';
import type { Fields } from './calendar.js';

export type Piece = { letter: string; count: number } | { literal: string };

const SUPPORTED = 'yYMdHhmsSaZE';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The pieces of a pattern, or the reason it is refused. */
export function compilePattern(pattern: string): Piece[] | string {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (/[A-Za-z]/.test(ch)) {
      let end = i;
      while (pattern[end] === ch) end++;
      if (!SUPPORTED.includes(ch))
        return `unsupported pattern letter '${ch}' (supported: ${SUPPORTED.split('').join(' ')} and 'quoted text')`;
      if (ch === 'Z' && end - i > 2) return 'zone ids (ZZZ) are not supported; use Z or ZZ';
      pieces.push({ letter: ch, count: end - i });
      i = end;
    } else if (ch === "'") {
      const end = closingQuote(pattern, i + 1);
      if (end < 0) return 'unterminated quote in the pattern';
      pieces.push({ literal: end === i + 1 ? "'" : pattern.slice(i + 1, end).replaceAll("''", "'") });
      i = end + 1;
    } else {
      pieces.push({ literal: ch });
      i++;
    }
  }
  return pieces;
}

/** The index of the quote closing one opened before `from` (`''` inside is a quote), or -1. */
function closingQuote(pattern: string, from: number): number {
  if (pattern[from] === "'") return from;
  for (let i = from; i < pattern.length; i++) {
    if (pattern[i] !== "'") continue;
    if (pattern[i + 1] !== "'") return i;
    i++;
  }
  return -1;
}

/** `fields` at `offset` written with the pattern. */
export function formatPieces(pieces: readonly Piece[], f: Fields, offset: number): string {
  return pieces
    .map((piece) => ('literal' in piece ? piece.literal : formatField(piece.letter, piece.count, f, offset)))
    .join('');
}

function formatField(letter: string, count: number, f: Fields, offset: number): string {
  switch (letter) {
    case 'y':
    case 'Y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M':
      return count >= 3 ? name(MONTHS[f.month - 1]!, count) : pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'H':
      return pad(f.hour, count);
    case 'h':
      return pad(f.hour % 12 || 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millis, 3).padEnd(count, '0').slice(0, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'Z':
      return formatOffset(offset, count === 2);
    default:
      return name(WEEKDAYS[f.weekday]!, count);
  }
}

function name(full: string, count: number): string {
  return count >= 4 ? full : full.slice(0, 3);
}

function fieldSource(letter: string, count: number): string {
  const digits = (one: string) => `(\\d{${count === 1 ? one : count}})`;
  switch (letter) {
    case 'y':
    case 'Y':
      return digits('1,4');
    case 'M':
      if (count >= 3) return `(${MONTHS.map((m) => name(m, count)).join('|')})`;
      return digits('1,2');
    case 'S':
      return `(\\d{${count}})`;
    case 'a':
      return '(AM|PM)';
    case 'Z':
      return '(Z|[+-]\\d{2}:?\\d{2})';
    case 'E':
      return '([A-Za-z]+)';
    default:
      return digits('1,2');
  }
}

/** The instant `text` stands for under the pattern, or the reason it does not match. */
export function parsePieces(pieces: readonly Piece[], text: string): number | string {
  const fields = pieces.filter((piece): piece is { letter: string; count: number } => 'letter' in piece);
  const source = pieces
    .map((piece) =>
      'literal' in piece
        ? piece.literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        : fieldSource(piece.letter, piece.count),
    )
    .join('');
  const match = new RegExp(`^${source}$`, 'i').exec(text);
  if (!match) return 'does not match the pattern';
  const f = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millis: 0 };
  let pm: boolean | undefined;
  let twelveHour: number | undefined;
  let offset: number | undefined = 0;
  fields.forEach(({ letter, count }, i) => {
    const value = match[i + 1]!;
    const number = Number(value);
    if (letter === 'y' || letter === 'Y') f.year = count === 2 ? 2000 + number : number;
    else if (letter === 'M')
      f.month = count >= 3 ? MONTHS.findIndex((m) => name(m, count).toLowerCase() === value.toLowerCase()) + 1 : number;
    else if (letter === 'd') f.day = number;
    else if (letter === 'H') f.hour = number;
    else if (letter === 'h') twelveHour = number;
    else if (letter === 'm') f.minute = number;
    else if (letter === 's') f.second = number;
    else if (letter === 'S') f.millis = Math.floor(number / 10 ** (count - 3));
    else if (letter === 'a') pm = value.toUpperCase() === 'PM';
    else if (letter === 'Z') offset = parseOffset(value);
  });
  if (twelveHour !== undefined) f.hour = twelveHour < 1 || twelveHour > 12 ? 99 : (twelveHour % 12) + (pm ? 12 : 0);
  else if (pm !== undefined && f.hour < 12 && pm) f.hour += 12;
  const instant = offset === undefined ? undefined : instantOf(f, offset);
  return instant ?? 'is not a valid date and time';
}
