/**
 * Decodes a compact JWS (RFC 7515 §7.1) without trusting it: header and payload come out whatever
 * the `alg` and whether or not the signature holds, and every malformed input gets a fault naming
 * what is wrong and where. Pure: base64url and UTF-8 are decoded here, without Node or DOM APIs.
 */
import { MAX_TOKEN_LENGTH } from '../../contracts/inspect.js';
import type { DecodeFault, DecodeFaultCode } from '../../contracts/inspect.js';

export interface DecodedToken {
  /** The token without the whitespace a paste may carry: what the signature covers. */
  compact: string;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: string;
}

export type DecodeResult = { ok: true; token: DecodedToken } | { ok: false; fault: DecodeFault };

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const PART_NAMES = ['header', 'payload', 'signature'] as const;

const fault = (code: DecodeFaultCode, message: string): DecodeResult => ({ ok: false, fault: { code, message } });

/** Decodes `input` (surrounding and embedded whitespace, as in a wrapped paste, is ignored). */
export function decodeToken(input: string): DecodeResult {
  const compact = input.replace(/\s+/g, '');
  if (compact === '') return fault('empty', 'Paste a token: the input is empty.');
  if (compact.length > MAX_TOKEN_LENGTH)
    return fault(
      'too_large',
      `The token is ${compact.length.toLocaleString('en-US')} characters long; the inspector reads tokens of up to ${MAX_TOKEN_LENGTH.toLocaleString('en-US')}.`,
    );
  const parts = compact.split('.');
  if (parts.length === 5)
    return fault(
      'jwe',
      'This is an encrypted token (JWE, five parts, RFC 7516 §7.1): its payload cannot be read without the decryption key. Authbox issues signed tokens (JWS, three parts).',
    );
  if (parts.length !== 3)
    return fault(
      'not_three_parts',
      `A JWT has three parts separated by dots (header.payload.signature); this one has ${parts.length}.`,
    );
  for (const [index, part] of parts.entries()) {
    const problem = base64urlProblem(part);
    if (problem) return fault('bad_base64url', `The ${PART_NAMES[index]} is not base64url: ${problem}.`);
  }
  const header = jsonObject('header', parts[0]!);
  if (!header.ok) return header;
  const payload = jsonObject('payload', parts[1]!);
  if (!payload.ok) return payload;
  return { ok: true, token: { compact, header: header.value, payload: payload.value, signature: parts[2]! } };
}

function jsonObject(
  part: 'header' | 'payload',
  encoded: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; fault: DecodeFault } {
  if (encoded === '') return { ok: false, fault: { code: 'not_json', message: `The ${part} is empty.` } };
  const text = utf8(base64urlBytes(encoded));
  if (text === undefined)
    return { ok: false, fault: { code: 'not_utf8', message: `The ${part} does not decode to UTF-8 text.` } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = `The ${part} is not JSON: ${(error as Error).message}.`;
    return { ok: false, fault: { code: 'not_json', message } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    return { ok: false, fault: { code: 'not_object', message: `The ${part} is ${kind}, not a JSON object.` } };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** Why `part` is not unpadded base64url (RFC 7515 §2), or undefined when it is. */
function base64urlProblem(part: string): string | undefined {
  for (let i = 0; i < part.length; i++) {
    const char = part[i]!;
    if (BASE64URL.includes(char)) continue;
    const hint =
      char === '+' || char === '/'
        ? ` (that is plain base64; base64url uses '-' and '_')`
        : char === '='
          ? ' (base64url in a JWT carries no padding)'
          : '';
    return `the character '${char}' at position ${i + 1} is not in the base64url alphabet${hint}`;
  }
  if (part.length % 4 === 1)
    return `its length ${part.length} leaves a stray character (no base64url text has length 4n+1)`;
  return undefined;
}

/** The bytes of a checked base64url string. */
export function base64urlBytes(part: string): Uint8Array {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of part) {
    buffer = ((buffer << 6) | BASE64URL.indexOf(char)) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

/** Strict UTF-8 (`decodeURIComponent` throws on any invalid sequence), or undefined. */
function utf8(bytes: Uint8Array): string | undefined {
  let encoded = '';
  for (const byte of bytes) encoded += '%' + byte.toString(16).padStart(2, '0');
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}
