/**
 * Java's `String.matches` with a JavaScript RegExp standing in for java.util.regex (the common
 * syntax is shared): the whole string must match, and a leading `(?i)` — the inline flag Java users
 * write — becomes the `i` flag. A pattern JavaScript cannot compile is refused with its reason.
 */

/** A RegExp matching whole strings, or the reason the pattern is refused. */
export function compileJavaRegex(pattern: string): RegExp | string {
  const insensitive = pattern.startsWith('(?i)');
  const body = insensitive ? pattern.slice(4) : pattern;
  const flags = insensitive ? 'i' : '';
  try {
    new RegExp(body, flags); // compiled alone first: `a)(b` must not pass once wrapped
    return new RegExp(`^(?:${body})$`, flags);
  } catch (error) {
    return `invalid regular expression ${JSON.stringify(pattern.slice(0, 60))}: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: (\/.*\/[a-z]*: )?/s, '') : 'unknown reason'}`;
  }
}
