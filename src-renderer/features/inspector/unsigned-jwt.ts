/**
 * An unsecured JWT (RFC 7519 §6: `alg` "none", empty signature) of a payload that was never signed,
 * such as a Token Preview's, so the inspector can classify its claims; its verdict says it is unsigned.
 */
export function unsignedJwt(payload: Record<string, unknown>): string {
  return `${base64urlJson({ alg: 'none', typ: 'JWT' })}.${base64urlJson(payload)}.`;
}

function base64urlJson(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
