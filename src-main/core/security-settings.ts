/**
 * The Security settings (contracts/security-settings.ts) kept in the instance settings: the lockout
 * threshold under its own key (as before), the throttle as one JSON value. A value that does not
 * read back as valid (hand-edited, from an older version) counts as the default.
 */
import { DEFAULT_SECURITY_SETTINGS, validateSecuritySettings } from '../contracts/security-settings.js';
import type { SecuritySettingsDto } from '../contracts/security-settings.js';
import { ValidationFailed } from './errors.js';
import type { ThrottleSettings } from './failure-throttle.js';
import type { SettingsRepository } from './ports/settings.js';
import { LOCKOUT_THRESHOLD_SETTING, lockoutThreshold } from './sign-in-lockout.js';

export const THROTTLE_SETTING = 'throttle';

type ThrottleFields = Omit<SecuritySettingsDto, 'lockoutThreshold'>;

export class SecuritySettings {
  constructor(private readonly store: SettingsRepository) {}

  get(): SecuritySettingsDto {
    return { lockoutThreshold: this.lockoutThreshold(), ...this.throttle() };
  }

  /** Replaces every setting. @throws ValidationFailed naming each field */
  update(body: unknown): SecuritySettingsDto {
    const result = validateSecuritySettings(body);
    if (!result.ok) throw new ValidationFailed(result.issues);
    const { lockoutThreshold: threshold, ...throttle } = result.value;
    this.store.set(LOCKOUT_THRESHOLD_SETTING, String(threshold));
    this.store.set(THROTTLE_SETTING, JSON.stringify(throttle));
    return this.get();
  }

  lockoutThreshold(): number {
    return lockoutThreshold(this.store.get(LOCKOUT_THRESHOLD_SETTING));
  }

  /** Delays for failed client authentications of one client. */
  clientThrottle(): ThrottleSettings {
    const t = this.throttle();
    return {
      freeFailures: t.clientFreeFailures,
      firstDelayMs: t.firstDelaySeconds * 1000,
      maxDelayMs: t.maxDelaySeconds * 1000,
    };
  }

  /** Delays for failed client authentications, and for failed sign-ins, from one address. */
  addressThrottle(): ThrottleSettings {
    const t = this.throttle();
    return {
      freeFailures: t.addressFreeFailures,
      firstDelayMs: t.firstDelaySeconds * 1000,
      maxDelayMs: t.maxDelaySeconds * 1000,
    };
  }

  private throttle(): ThrottleFields {
    const { lockoutThreshold: _, ...defaults } = DEFAULT_SECURITY_SETTINGS;
    const raw = this.store.get(THROTTLE_SETTING);
    if (raw === undefined) return defaults;
    try {
      const result = validateSecuritySettings({ lockoutThreshold: 0, ...(JSON.parse(raw) as object) });
      if (!result.ok) return defaults;
      const { lockoutThreshold: __, ...throttle } = result.value;
      return throttle;
    } catch {
      return defaults;
    }
  }
}
