/**
 * What the UI sees before Reveal: client secrets, passwords, codes, verifiers and tokens shortened to
 * their first characters, wherever they travel (a header, a form body, a query or fragment, a JSON answer).
 */
import type { Exchange, RunTokens } from '../../contracts/flow-run.js';
import { formDecode, formEncode, splitUrl } from './form.js';

const SECRET_NAMES = new Set([
  'client_secret',
  'client_assertion',
  'password',
  'code',
  'code_verifier',
  'device_code',
  'access_token',
  'id_token',
  'refresh_token',
  'token',
]);

/** The first four characters and a mask, so two values can still be told apart. */
export function mask(value: string): string {
  return value.length <= 8 ? '••••••' : `${value.slice(0, 4)}••••••`;
}

function maskPairs(pairs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(pairs).map(([k, v]) => [k, SECRET_NAMES.has(k) ? mask(v) : v]));
}

/** The mask stays readable in a URL or a form body (a bullet is not escaped for the reader). */
export function maskForm(body: string): string {
  return formEncode(maskPairs(formDecode(body))).replace(/%E2%80%A2/g, '•');
}

export function maskUrl(url: string): string {
  const parts = splitUrl(url);
  if (!parts) return url;
  const query = parts.query ? `?${maskForm(parts.query)}` : '';
  const fragment = parts.fragment ? `#${maskForm(parts.fragment)}` : '';
  return `${parts.base}${query}${fragment}`;
}

function maskJson(body: string): string {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return body;
    const masked = Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_NAMES.has(k) && typeof v === 'string' ? mask(v) : v]),
    );
    return JSON.stringify(masked, null, 2);
  } catch {
    return body;
  }
}

function maskHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => {
      if (k.toLowerCase() !== 'authorization') return [k, v];
      // The whole credential: the start of a Basic value is the client_id, of a Bearer one the JWT header.
      return [k, `${v.split(' ', 1)[0]} ••••••`];
    }),
  );
}

export function maskExchange(exchange: Exchange): Exchange {
  const { request, response } = exchange;
  const body = request.body;
  return {
    request: {
      ...request,
      url: maskUrl(request.url),
      headers: maskHeaders(request.headers),
      ...(body !== undefined ? { body: maskForm(body) } : {}),
    },
    ...(response ? { response: { ...response, body: maskJson(response.body) } } : {}),
  };
}

export function maskTokens(tokens: RunTokens): RunTokens {
  const out: RunTokens = { ...tokens };
  if (out.access_token) out.access_token = mask(out.access_token);
  if (out.id_token) out.id_token = mask(out.id_token);
  if (out.refresh_token) out.refresh_token = mask(out.refresh_token);
  return out;
}
