/**
 * The Okta Expression Language subset of claims (Okta "Expression Language overview"): a SpEL subset. This header is the
 * one description of the grammar and of every decision the reference leaves open; the lexer, the
 * parser, the name check and the evaluator follow it.
 *
 * ```ebnf
 * expression = or [ "?" expression ":" expression | "?:" expression ] ;   (right-associative)
 * or         = and { ( "||" | "OR" ) and } ;
 * and        = equality { ( "&&" | "AND" ) equality } ;
 * equality   = relation { ( "==" | "!=" | "EQ" | "NE" ) relation } ;
 * relation   = sum { ( "<" | ">" | "<=" | ">=" | "LT" | "GT" | "LE" | "GE" | "MATCHES" ) sum } ;
 * sum        = product { ( "+" | "-" ) product } ;
 * product    = unary { ( "*" | "/" | "%" | "DIV" | "MOD" ) unary } ;
 * unary      = ( "!" | "NOT" | "-" ) unary | postfix ;
 * postfix    = primary { "." word [ arguments ] | "[" expression "]" | ".![" expression "]" } ;
 * primary    = literal | name [ arguments ] | "#this" | "(" expression ")" | list | map ;
 * arguments  = "(" [ expression { "," expression } ] ")" ;
 * list       = "{" [ expression { "," expression } ] "}" ;
 * map        = "{" ( string | word ) ":" expression { "," ( string | word ) ":" expression } "}" ;
 * literal    = string | number | "true" | "false" | "null" ;
 * string     = "'" { char | "''" | escape } "'" | '"' { char | '""' | escape } '"' ;  escape = "\'" | '\"' | "\\"
 * number     = digit { digit } [ "." digit { digit } ] [ ( "e" | "E" ) [ "+" | "-" ] digit { digit } ] ;
 * ```
 *
 * | precedence (low → high) | operators | associativity |
 * |---|---|---|
 * | 1 | `c ? a : b`, `a ?: b` | right |
 * | 2 | `OR` `\|\|` | left |
 * | 3 | `AND` `&&` | left |
 * | 4 | `==` `!=` | left |
 * | 5 | `<` `>` `<=` `>=` `matches` | left |
 * | 6 | `+` `-` | left |
 * | 7 | `*` `/` `%` | left |
 * | 8 | unary `!` `NOT` `-` | prefix |
 * | 9 | `.name` `.fn(…)` `[i]` `.![…]` | postfix |
 *
 * Words: keywords (`AND OR NOT MATCHES TRUE FALSE NULL` and SpEL's `EQ NE LT GT LE GE DIV MOD`) are
 * case-insensitive; after a `.` any word is a member name (`user.and` reads the attribute `and`).
 * Names are case-sensitive. A run of operators of one level is one node, so `a + b + … + z` nests no
 * deeper than `a + b`.
 *
 * Names: roots `user`, `appuser` (any attribute), `app` (`id clientId profile`), `org` (`name
 * subDomain`), `access` (`scope`); namespaces `String Arrays Convert Iso3166Convert Time Groups`;
 * methods `user.getInternalProperty`, `user.getGroups`; unprefixed functions: the legacy String forms
 * (`toUpperCase(x)` …), the `isMemberOf…` checks and `getFilteredGroups`. Anything else is refused
 * at parse time (unknown root, namespace, member of `app`/`org`/`access`, function, arity). A bare
 * root is its object (`user` is the profile). Map literals are allowed only as arguments of
 * `user.getGroups` and `getFilteredGroups`. Inside a projection `.![…]` a name that is not a root
 * or namespace reads a property of the element, and `#this` is the element.
 *
 * Semantics (where the reference is silent, SpEL's rules unless said otherwise):
 * - Values are JSON. Numbers are doubles: `1` and `1.0` are the same value; a number prints as
 *   JavaScript prints it (shortest form, `2.0` → `2`, `1.5` → `1.5`), not Java's `2.0`.
 * - `+`: two numbers add; a string on either side concatenates, the other side in Java's string
 *   form (`null` → `null`, arrays `[a, b]`, objects `{k=v}`); anything else is EL_TYPE. `- * / %`
 *   take numbers; `/` and `%` of two integers truncate like Java ints; dividing by zero and
 *   non-finite results are EL_ARGUMENT.
 * - `==`/`!=` compare by value (arrays element by element, objects key by key); values of different
 *   types are unequal. `< > <= >=` need two numbers or two strings (UTF-16 order, as Java).
 * - `AND OR ! ?:`-conditions need true or false: null or anything else is EL_TYPE (SpEL EL1001E).
 *   `AND`/`OR` short-circuit. Elvis `a ?: b` gives `b` when `a` is null, `""` or an empty array.
 * - `matches` and `isMemberOfGroupNameRegex` (and REGEX group filters) match the whole string
 *   (Java `String.matches`) on RE2, which reads java.util.regex syntax, `(?i)` included, in time
 *   linear in the input — no pattern can hang. Lookaround and backreferences (which need
 *   backtracking) are refused like any pattern that does not compile: EL_ARGUMENT.
 * - Strings: `\'`, `\"`, `\\` are escapes; any other backslash is kept (so `'\d+'` is a regex);
 *   a doubled quote inside a string of that quote is one quote.
 * - Member access: `user.x`/`appuser.x` read attributes, a never-set one is null, a cleared one
 *   `""`. Without a user, `user` and `appuser` are null and their attributes read null [INF: Okta
 *   leaves user claims out of client-credentials tokens]. A property of any other null, or of a
 *   string, number, boolean or array, is EL_TYPE (SpEL EL1007E); a missing key of an object is null.
 * - Indexing: arrays and strings (one character) by an integer, EL_INDEX outside; objects by a
 *   string key (missing → null).
 * - Functions are null-safe by family: String functions give null (len 0, checks false) for a null
 *   subject and read other null arguments as `""`; Arrays read null as an empty array (`size` 0,
 *   `isEmpty` true) and accept CSV strings; Convert, Iso3166Convert and Time give null for null;
 *   group checks and lists match nothing for null. A value of the wrong type is EL_TYPE; a value a
 *   function cannot use (bad index, pattern, zone, number text) is EL_ARGUMENT.
 * - Group name matching: `isMemberOfGroupName…` checks are case-sensitive (Java `equals`,
 *   `startsWith`, `contains`); the searches `Groups.*` and `user.getGroups` are case-insensitive,
 *   as Okta's group search is.
 * - Limits (see `EXPRESSION_LIMITS`): source length, nesting depth and evaluation steps; results
 *   are capped by `RESULT_LIMITS` in `budget.ts`.
 */

/** Binary operator levels, lowest precedence first; each entry is an operator's symbolic form. */
export const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '>', '<=', '>=', 'matches'],
  ['+', '-'],
  ['*', '/', '%'],
];

/** Keywords that are operators, by their lower-case spelling, as their symbolic form. */
export const WORD_OPERATORS: ReadonlyMap<string, string> = new Map([
  ['and', '&&'],
  ['or', '||'],
  ['not', '!'],
  ['matches', 'matches'],
  ['eq', '=='],
  ['ne', '!='],
  ['lt', '<'],
  ['gt', '>'],
  ['le', '<='],
  ['ge', '>='],
  ['div', '/'],
  ['mod', '%'],
]);

/** Keywords that are literals, by their lower-case spelling. */
export const WORD_LITERALS: ReadonlyMap<string, boolean | null> = new Map([
  ['true', true],
  ['false', false],
  ['null', null],
]);

/** Punctuation, longest first so the lexer takes `.![` before `.` and `?:` before `?`. */
export const PUNCTUATION: readonly string[] = [
  '.![',
  '?:',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  '<',
  '>',
  '?',
  ':',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '.',
];

/** The context roots and the members each allows (null: any attribute). */
export const ROOTS: ReadonlyMap<string, readonly string[] | null> = new Map([
  ['user', null],
  ['appuser', null],
  ['app', ['id', 'clientId', 'profile']],
  ['org', ['name', 'subDomain']],
  ['access', ['scope']],
]);
