/**
 * A token payload as the lines of its pretty-printed JSON, one a top-level claim, each marked when
 * a custom claim of the server put it there (its trace source is "claim <id> (…)").
 */
import type { ClaimTrace } from '../../../src-main/contracts/index.js';

export interface PayloadLine {
  name: string;
  /** `"name": value` as JSON.stringify(…, null, 2) would print it inside the object, without the comma. */
  text: string;
  custom: boolean;
}

/** The names custom claims gave values to in `token` (both ID tokens share the trace's 'id_token'). */
export function customClaimNames(
  trace: ClaimTrace[],
  token: ClaimTrace['token'],
  idToken?: ClaimTrace['idToken'],
): Set<string> {
  const inToken = (t: ClaimTrace) => t.token === token && (idToken === undefined || t.idToken === idToken);
  return new Set(
    trace.filter((t) => inToken(t) && t.source.startsWith('claim ') && t.omitted === undefined).map((t) => t.name),
  );
}

export function payloadLines(payload: Record<string, unknown>, custom: Set<string>): PayloadLine[] {
  return Object.entries(payload).map(([name, value]) => ({
    name,
    text: `${JSON.stringify(name)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`,
    custom: custom.has(name),
  }));
}
