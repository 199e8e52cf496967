/**
 * Java's `String.matches` (`matches`, `isMemberOfGroupNameRegex`, REGEX group filters) on RE2
 * (re2js): the syntax java.util.regex users write — `(?i)` included — but matching in time linear
 * in the input, so no pattern can hang the server the way a backtracking engine lets `(a+)+b` do.
 * RE2 has no lookaround and no backreferences; such a pattern is refused with RE2's reason.
 */
import { RE2JS } from 're2js';

/** Tests whether a whole string matches. */
export interface WholeMatch {
  test(input: string): boolean;
}

/** A whole-string matcher, or the reason the pattern is refused. */
export function compileJavaRegex(pattern: string): WholeMatch | string {
  try {
    const compiled = RE2JS.compile(pattern);
    return { test: (input) => compiled.matches(input) };
  } catch (error) {
    // RE2 says "error parsing regexp: missing closing ): `Eng(`"; the pattern is named once, first.
    const reason =
      error instanceof Error
        ? error.message.replace(/^error parsing regexp: /, '').replace(/: `[\s\S]*`$/, '')
        : 'unknown reason';
    const hint = UNSUPPORTED.test(pattern) ? ' (lookaround and backreferences are not supported)' : '';
    return `invalid regular expression ${JSON.stringify(pattern.slice(0, 60))}: ${reason}${hint}`;
  }
}

/** Java features RE2 leaves out on purpose (they need backtracking). */
const UNSUPPORTED = /\(\?<?[=!]|\\[1-9]/;
