/**
 * The exchange a protocol event keeps: the request (method, path, query and form fields, the
 * headers OAuth reads) and the response (status, JSON body, redirect location), with every secret
 * masked (client secrets, passwords, client assertions, codes and their verifiers, presented tokens,
 * `Authorization` header values) and every issued token shortened. Also the `jti` of each JWT that
 * came or went, so the event log can be searched by token.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventExchange, ExchangeRequest, ExchangeResponse, IssuedJwts } from '../../contracts/events.js';

export const MASKED = '********';

/** Parameters whose values are secrets or credentials: never kept, whichever way they came. */
const SECRET_PARAMS = new Set([
  'client_secret',
  'password',
  'client_assertion',
  'code',
  'code_verifier',
  'refresh_token',
  'token',
  'device_code',
  'csrf',
]);
/** Parameters holding tokens the server issued: kept shortened, so a reader can tell them apart. */
const TOKEN_PARAMS = new Set(['access_token', 'id_token', 'id_token_hint']);
/** The request headers an exchange keeps. */
const KEPT_HEADERS = ['authorization', 'content-type', 'origin', 'dpop'] as const;
const SHORT_HEAD = 12;
const SHORT_TAIL = 6;

/** The first and last characters of a long token with an ellipsis between (`eyJraWQiOiJh…Vx3Q8A`). */
export function shorten(token: string): string {
  return token.length <= SHORT_HEAD + SHORT_TAIL + 1
    ? token
    : `${token.slice(0, SHORT_HEAD)}…${token.slice(-SHORT_TAIL)}`;
}

function maskParam(name: string, value: string): string {
  if (SECRET_PARAMS.has(name)) return MASKED;
  return TOKEN_PARAMS.has(name) ? shorten(value) : value;
}

export function maskParams(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, maskParam(name, value)]));
}

/** `Basic ********`, `Bearer ********`, `DPoP ********`: the scheme stays, the credentials go. */
function maskAuthorization(value: string): string {
  const scheme = /^(\S+)\s/.exec(value)?.[1];
  return scheme ? `${scheme} ${MASKED}` : MASKED;
}

/** The payload's `jti` of a compact JWS, read without verifying it; undefined for anything else. */
export function jtiOf(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    const jti = (payload as { jti?: unknown } | null)?.jti;
    return typeof jti === 'string' && jti !== '' ? jti : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `jtiOf` that reads each token once: an exchange's issued tokens are read for it and for its `jti`s.
 * `known`: the `jti`s of the tokens the server has just minted, by token, taken as they are instead
 * of decoded again from the tokens.
 */
export function jtiReader(known?: ReadonlyMap<string, string>): (token: string) => string | undefined {
  const read = new Map<string, string | undefined>(known);
  return (token) => {
    if (!read.has(token)) read.set(token, jtiOf(token));
    return read.get(token);
  };
}

function decodedPairs(encoded: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(encoded)) pairs[name] = value;
  return pairs;
}

function queryOf(request: FastifyRequest): Record<string, string> {
  const at = request.url.indexOf('?');
  return at < 0 ? {} : decodedPairs(request.url.slice(at + 1));
}

function formOf(request: FastifyRequest): Record<string, string> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const body = request.body;
  return type === 'application/x-www-form-urlencoded' && typeof body === 'string' ? decodedPairs(body) : {};
}

/** The request as the event keeps it. */
export function captureRequest(request: FastifyRequest): ExchangeRequest {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = request.headers[name];
    if (typeof value !== 'string') continue;
    headers[name] = name === 'authorization' ? maskAuthorization(value) : name === 'dpop' ? shorten(value) : value;
  }
  return {
    method: request.method,
    path: request.url.split('?')[0]!,
    query: maskParams(queryOf(request)),
    form: maskParams(formOf(request)),
    headers,
  };
}

/** A redirect's location with its query and fragment parameters masked or shortened. */
function maskLocation(location: string): string {
  const hashAt = location.indexOf('#');
  const beforeHash = hashAt < 0 ? location : location.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const mask = (encoded: string) => new URLSearchParams(maskParams(decodedPairs(encoded))).toString();
  const query = queryAt < 0 ? '' : `?${mask(beforeHash.slice(queryAt + 1))}`;
  const fragment = hashAt < 0 ? '' : `#${mask(location.slice(hashAt + 1))}`;
  return `${base}${query}${fragment}`;
}

function shortenBody(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body ?? null;
  return Object.fromEntries(
    Object.entries(body).map(([name, value]) => [
      name,
      typeof value === 'string' && (TOKEN_PARAMS.has(name) || name === 'refresh_token') ? shorten(value) : value,
    ]),
  );
}

/** The issued `access_token` and `id_token` that are JWTs, from the JSON body or the redirect's parameters. */
function issuedJwts(jti: (token: string) => string | undefined, ...sources: unknown[]): IssuedJwts {
  const tokens: IssuedJwts = {};
  for (const source of sources) {
    if (source === null || typeof source !== 'object') continue;
    const fields = source as Record<string, unknown>;
    for (const name of ['access_token', 'id_token'] as const) {
      const value = fields[name];
      if (typeof value === 'string' && jti(value) !== undefined) tokens[name] = value;
    }
  }
  return tokens;
}

/**
 * The response as the event keeps it: the JSON body (null for a page), a redirect's location (the
 * reply's, unless told the one of a page about to be sent), and the JWTs it issued whole (the
 * sandbox API reveals them only on request).
 */
export function captureResponse(
  reply: FastifyReply,
  status: number,
  body: unknown,
  issued?: Record<string, string>,
  jti = jtiOf,
  location: unknown = reply.getHeader('location'),
): ExchangeResponse {
  const tokens = issuedJwts(jti, body, issued);
  return {
    status,
    body: shortenBody(body),
    ...(typeof location === 'string' ? { location: maskLocation(location) } : {}),
    ...(Object.keys(tokens).length > 0 ? { tokens } : {}),
  };
}

export function captureExchange(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body: unknown,
  issued?: Record<string, string>,
  jti = jtiOf,
  location: unknown = reply.getHeader('location'),
): EventExchange {
  return { request: captureRequest(request), response: captureResponse(reply, status, body, issued, jti, location) };
}

/**
 * The `jti` of every JWT the request presented (a Bearer token, `token`, `id_token_hint`) or the
 * response issued (`access_token`, `id_token` in the body or in the redirect's parameters).
 */
export function exchangedJtis(
  request: FastifyRequest,
  params: Record<string, string>,
  body: unknown,
  issued: Record<string, string> | undefined,
  jti = jtiOf,
): string[] {
  const bearer = /^(?:Bearer|DPoP) +(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  const candidates = [bearer, params['token'], params['id_token_hint']];
  for (const source of [body, issued]) {
    if (source === null || typeof source !== 'object') continue;
    const fields = source as Record<string, unknown>;
    for (const name of ['access_token', 'id_token']) {
      if (typeof fields[name] === 'string') candidates.push(fields[name]);
    }
  }
  const jtis = candidates.map((token) => (token === undefined ? undefined : jti(token)));
  return [...new Set(jtis.filter((jti): jti is string => jti !== undefined))];
}
