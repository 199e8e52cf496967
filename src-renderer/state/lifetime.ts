/**
 * A token lifetime as the Add Rule form shows it: a number and a unit (minutes, hours, days), as
 * Okta's admin console does; the API counts minutes.
 */
import { counted } from './counted.js';

export const LIFETIME_UNITS = ['minutes', 'hours', 'days'] as const;
export type LifetimeUnit = (typeof LIFETIME_UNITS)[number];

const MINUTES_PER: Record<LifetimeUnit, number> = { minutes: 1, hours: 60, days: 1440 };

export interface Lifetime {
  /** As typed, so a half-typed number is not lost. */
  amount: string;
  unit: LifetimeUnit;
}

/** The lifetime in minutes, or NaN when the amount is not a whole number. */
export function minutesOf({ amount, unit }: Lifetime): number {
  const text = amount.trim();
  return /^\d+$/.test(text) ? Number(text) * MINUTES_PER[unit] : Number.NaN;
}

/** Minutes in the largest unit that divides them evenly (90 → 90 minutes, 120 → 2 hours, 10080 → 7 days). */
export function lifetimeOf(minutes: number): Lifetime {
  const unit = minutes > 0 && minutes % 1440 === 0 ? 'days' : minutes > 0 && minutes % 60 === 0 ? 'hours' : 'minutes';
  return { amount: String(minutes / MINUTES_PER[unit]), unit };
}

/** 1440 → "1 day", 90 → "90 minutes", 2628000 → "1825 days" (5 years). */
export function durationWords(minutes: number): string {
  const { amount, unit } = lifetimeOf(minutes);
  return counted(Number(amount), unit.slice(0, -1), unit);
}
