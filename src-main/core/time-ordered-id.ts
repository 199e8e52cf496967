/**
 * An id of the same form as `Crypto.randomId` (its prefix, then [0-9A-Za-z], 20 characters in all)
 * whose first seven characters after the prefix are the time in milliseconds in base 62, so that an
 * id made later sorts after (SQLite's BINARY order is the alphabet's ASCII order). A unique index on
 * random ids is written at a random page for every row; on these it is written at its end, a page
 * the token requests of one commit share (`store/group-commit.ts`). The characters after the time
 * are random: ten in an id of the default length, 36 in a jti of 46 (`AT.`, Okta's shape and length).
 */
import type { Crypto } from './ports/runtime.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 62^7 ms: until the year 2080. */
const TIME_DIGITS = 7;

export function timeOrderedId(crypto: Pick<Crypto, 'randomId'>, prefix: string, time: Date, length?: number): string {
  const stamped = timePrefix(prefix, time);
  return length === undefined ? crypto.randomId(stamped) : crypto.randomId(stamped, length);
}

/**
 * An id that begins with `expires` as `timeOrderedId` writes a time, then the millisecond of `now`
 * within its second in two base-62 digits, then random characters up to `length`. Tokens that expire
 * in the same second (an expiry is in whole seconds) sort in the order they were made, so their index
 * still grows at its end instead of at a random page among that second's.
 */
export function expiryOrderedId(
  crypto: Pick<Crypto, 'randomId'>,
  prefix: string,
  expires: Date,
  now: Date,
  length: number,
): string {
  const ms = ((now.getTime() % 1000) + 1000) % 1000;
  const within = ALPHABET[Math.floor(ms / ALPHABET.length)]! + ALPHABET[ms % ALPHABET.length]!;
  return crypto.randomId(timePrefix(prefix, expires) + within, length);
}

/** `prefix` and the time in seven base-62 digits: every id `timeOrderedId` makes then begins with it. */
export function timePrefix(prefix: string, time: Date): string {
  let ms = Math.max(0, Math.floor(time.getTime()));
  let stamp = '';
  for (let i = 0; i < TIME_DIGITS; i++) {
    stamp = ALPHABET[ms % ALPHABET.length]! + stamp;
    ms = Math.floor(ms / ALPHABET.length);
  }
  return prefix + stamp;
}
