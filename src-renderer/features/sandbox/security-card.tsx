/**
 * Security: Okta's lockout threshold and the throttles of failed client authentications and
 * sign-ins. The server checks each value; its causes show under the fields.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { SecuritySettingsDto } from '../../../src-main/contracts/security-settings.js';
import { securityDraftOf } from '../../state/security-slice.js';
import type { SecurityDraft } from '../../state/security-slice.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { TextField } from '../../ui/field.js';
import { LoadGate } from '../../ui/load-gate.js';
import { Notice } from '../../ui/notice.js';
import { useDraftForm } from '../../ui/use-draft-form.js';

const FIELDS: { field: keyof SecurityDraft; label: string; hint: string }[] = [
  {
    field: 'lockoutThreshold',
    label: 'Lock out user after failed sign-ins',
    hint: 'Okta’s default is 10; 0 never locks. A locked-out user is released by Unlock on the person’s page.',
  },
  {
    field: 'clientFreeFailures',
    label: 'Failed client authentications per client before delays',
    hint: 'Wrong client secrets or assertions for one app.',
  },
  {
    field: 'addressFreeFailures',
    label: 'Failed attempts per address before delays',
    hint: 'Failed client authentications, and failed sign-ins, from one address (every local tool shares 127.0.0.1).',
  },
  { field: 'firstDelaySeconds', label: 'First delay (seconds)', hint: 'Each further failure doubles it.' },
  { field: 'maxDelaySeconds', label: 'Longest delay (seconds)', hint: 'From 1 to 3600.' },
];

function SecurityForm({ settings }: { settings: SecuritySettingsDto }) {
  const save = useAppStore((s) => s.saveSecuritySettings);
  const form = useDraftForm(securityDraftOf(settings), save);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if ((await form.submit()).ok) setSaved('Saved the security settings.');
  };
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      {form.formError && <ErrorBanner title="Could not save the security settings.">{form.formError}</ErrorBanner>}
      {FIELDS.map(({ field, label, hint }) => (
        <TextField
          key={field}
          label={label}
          inputMode="numeric"
          value={form.draft[field]}
          error={form.fieldErrors[field]}
          hint={hint}
          onChange={(event) => form.change(field, event.target.value)}
        />
      ))}
      <Button type="submit" variant="primary" busy={form.submitting}>
        Save security settings
      </Button>
      <Notice text={saved} />
    </form>
  );
}

export function SecurityCard() {
  const settings = useAppStore((s) => s.securitySettings);
  const load = useAppStore((s) => s.securityLoad);
  const loadSettings = useAppStore((s) => s.loadSecuritySettings);
  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);
  return (
    <section className="card" aria-labelledby="security-title">
      <header className="card__header">
        <h2 id="security-title">Security</h2>
      </header>
      <p className="card__lede">
        How sign-ins and client authentications are limited. After the free failures, each failure closes the client or
        address for a delay that doubles up to the longest; meanwhile every attempt is answered 429. Changes apply at
        once.
      </p>
      <LoadGate load={load} empty={settings === null} what="security settings" onRetry={() => void loadSettings()}>
        {settings && <SecurityForm settings={settings} />}
      </LoadGate>
    </section>
  );
}
