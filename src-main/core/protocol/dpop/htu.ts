/**
 * The `htu` comparison of RFC 9449 §4.3 step 9: both URIs without query and fragment, after the
 * syntax- and scheme-based normalisation of RFC 3986 §6.2.2 and §6.2.3 (case of scheme and host,
 * percent-encoding, dot segments, default port, empty path). Written by hand: core has no `URL`.
 */
const HTTP_URI = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;
const HOST_PORT = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/;
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

/** The normalised http(s) URI without query and fragment; undefined when `uri` is not an absolute http(s) URI. */
export function normaliseHtu(uri: string): string | undefined {
  const match = HTTP_URI.exec(uri);
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  const defaultPort = DEFAULT_PORTS[scheme];
  if (!defaultPort) return undefined;
  const authority = match[2]!;
  const at = authority.lastIndexOf('@');
  const hostPort = HOST_PORT.exec(authority.slice(at + 1));
  if (!hostPort || hostPort[1] === '') return undefined;
  const host = hostPort[1]!.toLowerCase();
  const port = hostPort[2] && hostPort[2] !== defaultPort ? `:${hostPort[2]}` : '';
  const userinfo = at >= 0 ? authority.slice(0, at + 1) : '';
  return `${scheme}://${userinfo}${host}${port}${removeDotSegments(normalisePercents(match[3]!) || '/')}`;
}

/** True when the proof's `htu` names the request URL (query and fragment ignored, RFC 9449 §4.3 step 9). */
export function htuMatches(htu: unknown, requestUrl: string): boolean {
  if (typeof htu !== 'string') return false;
  const expected = normaliseHtu(requestUrl);
  return expected !== undefined && normaliseHtu(htu) === expected;
}

/** RFC 3986 §6.2.2.1–2: upper-case hex digits, unreserved characters decoded. */
function normalisePercents(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (_all, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/** RFC 3986 §5.2.4 for an absolute path. */
function removeDotSegments(path: string): string {
  const segments = path.split('/').slice(1);
  const out: string[] = [];
  segments.forEach((segment, i) => {
    if (segment !== '.' && segment !== '..') return void out.push(segment);
    if (segment === '..') out.pop();
    if (i === segments.length - 1) out.push('');
  });
  return `/${out.join('/')}`;
}
