/**
 * The Security settings of the Sandbox screen: the lockout threshold and the throttles of failed
 * client authentications and sign-ins (contracts/security-settings.ts). The form edits text; the
 * server is the one validator, and its causes land under the fields they name.
 */
import { routes } from '../../src-main/contracts/routes.js';
import type { SecuritySettingsDto } from '../../src-main/contracts/security-settings.js';
import type { ApiError } from '../api/api-error.js';
import type { SliceCreator } from './app-state.js';
import { formProblemsFrom } from './form-problems.js';
import type { FormProblemsOf } from './form-problems.js';
import { IDLE, LOADING, READY } from './load-state.js';
import type { LoadState } from './load-state.js';

export type SecurityField = keyof SecuritySettingsDto;
export type SecurityDraft = Record<SecurityField, string>;
export type SecurityOutcome = { ok: true } | ({ ok: false } & FormProblemsOf<SecurityField>);

export const SECURITY_FIELDS: readonly SecurityField[] = [
  'lockoutThreshold',
  'clientFreeFailures',
  'addressFreeFailures',
  'firstDelaySeconds',
  'maxDelaySeconds',
];

export interface SecuritySlice {
  securitySettings: SecuritySettingsDto | null;
  securityLoad: LoadState;
  loadSecuritySettings(): Promise<void>;
  saveSecuritySettings(draft: SecurityDraft): Promise<SecurityOutcome>;
}

export const securityDraftOf = (settings: SecuritySettingsDto): SecurityDraft =>
  Object.fromEntries(SECURITY_FIELDS.map((field) => [field, String(settings[field])])) as SecurityDraft;

/** A field's text as the body's number: blank or not a number is sent as null, which the server names. */
const numberOf = (text: string): number | null => {
  const value = text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(value) ? value : null;
};

const FIELD_OF_CAUSE = Object.fromEntries(SECURITY_FIELDS.map((field) => [field, field])) as Record<
  SecurityField,
  SecurityField
>;

export const securityProblemsOf = (error: ApiError): FormProblemsOf<SecurityField> =>
  formProblemsFrom(error, FIELD_OF_CAUSE);

export const createSecuritySlice: SliceCreator<SecuritySlice> =
  ({ api }) =>
  (set, get) => ({
    securitySettings: null,
    securityLoad: IDLE,
    async loadSecuritySettings() {
      set({ securityLoad: LOADING });
      try {
        set({ securitySettings: await api.call(routes.getSecuritySettings, {}), securityLoad: READY });
      } catch (error) {
        set({ securityLoad: { status: 'error', error: get().reportFailure(error) } });
      }
    },
    async saveSecuritySettings(draft) {
      const body = Object.fromEntries(SECURITY_FIELDS.map((field) => [field, numberOf(draft[field])]));
      try {
        const saved = await api.call(routes.replaceSecuritySettings, {}, body as unknown as SecuritySettingsDto);
        set({ securitySettings: saved });
        return { ok: true };
      } catch (error) {
        return { ok: false, ...securityProblemsOf(get().reportFailure(error)) };
      }
    },
  });
