/**
 * The sandbox's sign-in protection, as the Security settings show it: Okta's lockout (password
 * policy, "Lock out user after N unsuccessful attempts", default 10; 0 never locks) and the
 * throttle of failed client authentications (per client) and failed client authentications and
 * sign-ins (per address): after the free failures each further one closes the client or address
 * for a delay that doubles from the first delay up to the longest. Shared by the server and the renderer.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.js';
import { fieldIssues } from './authorization-server.js';
import type { ValidationResult } from './authorization-server.js';

export interface SecuritySettingsDto {
  lockoutThreshold: number;
  clientFreeFailures: number;
  addressFreeFailures: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

export const DEFAULT_SECURITY_SETTINGS: SecuritySettingsDto = {
  lockoutThreshold: 10,
  clientFreeFailures: 10,
  addressFreeFailures: 20,
  firstDelaySeconds: 1,
  maxDelaySeconds: 60,
};

const whole = (min: number, max: number) =>
  z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be from ${min} to ${max}`)
    .max(max, `must be from ${min} to ${max}`);

export const securitySettingsInput = lazySchema(() =>
  z
    .object({
      lockoutThreshold: whole(0, 100),
      clientFreeFailures: whole(1, 1000),
      addressFreeFailures: whole(1, 1000),
      firstDelaySeconds: whole(1, 60),
      maxDelaySeconds: whole(1, 3600),
    })
    .refine((s) => s.maxDelaySeconds >= s.firstDelaySeconds, {
      path: ['maxDelaySeconds'],
      message: 'must be at least the first delay',
    }),
);

export function validateSecuritySettings(body: unknown): ValidationResult<SecuritySettingsDto> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  }
  const parsed = securitySettingsInput().safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: fieldIssues(parsed.error) };
}
