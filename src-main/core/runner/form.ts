/**
 * `application/x-www-form-urlencoded` (WHATWG URL §5) for the pure core, which has no `URLSearchParams`:
 * what the runner writes into query strings and token requests and reads back from callbacks.
 */

/** Form-encodes the pairs in order (space as `+`). */
export function formEncode(pairs: Record<string, string>): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return Object.entries(pairs)
    .map(([name, value]) => `${encode(name)}=${encode(value)}`)
    .join('&');
}

/** The pairs of a form-encoded string; a later duplicate wins; a malformed escape is kept as written. */
export function formDecode(text: string): Record<string, string> {
  const decode = (value: string) => {
    const spaced = value.replace(/\+/g, ' ');
    try {
      return decodeURIComponent(spaced);
    } catch {
      return spaced;
    }
  };
  const out: Record<string, string> = {};
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    out[name] = eq < 0 ? '' : decode(part.slice(eq + 1));
  }
  return out;
}

/** An absolute URL's parts (RFC 3986 §3), or undefined when it has no scheme and authority. */
export function splitUrl(url: string): { base: string; query: string; fragment: string } | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*[^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i.exec(url);
  if (!match) return undefined;
  return { base: match[1]!, query: match[2] ?? '', fragment: match[3] ?? '' };
}
