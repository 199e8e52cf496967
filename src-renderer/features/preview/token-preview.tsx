/**
 * The Token Preview tab (Okta's console has one by this name): choose a client, a grant type, a user
 * and scopes, and see the tokens this server would mint and how its policies decided — computed by
 * the issuance code, nothing signed or stored.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { SelectField } from '../../ui/field.js';
import { Loading } from '../../ui/loading.js';
import { GRANT_TYPE_OPTIONS } from './grant-type-words.js';
import type { GrantChoice } from './grant-type-words.js';
import { SubjectFields } from './subject-fields.js';
import { toClaimsPreviewRequest, tokenPreviewDraftOf, tokenPreviewProblemsOf } from './token-preview-draft.js';
import type { TokenPreviewDraft, TokenPreviewField } from './token-preview-draft.js';
import { TokenPreviewResult } from './token-preview-result.js';

export function TokenPreview({ server }: { server: AuthorizationServerDto }) {
  const store = useStoreApi();
  const entry = useAppStore((s) => s.tokenPreviews[server.id]);
  // The form starts from the last request, so coming back to the tab shows what the result is for.
  const [draft, setDraft] = useState<TokenPreviewDraft>(() => tokenPreviewDraftOf(entry?.request ?? null));
  const problems = entry?.load.status === 'error' ? tokenPreviewProblemsOf(entry.load.error) : null;
  const run = () => void store.getState().previewTokens(server.id, toClaimsPreviewRequest(draft));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run();
  };
  const change = (field: TokenPreviewField, value: string) => setDraft((current) => ({ ...current, [field]: value }));
  const grantField = (
    <SelectField
      label="Grant type"
      value={draft.grantType}
      error={problems?.fieldErrors.grantType}
      options={GRANT_TYPE_OPTIONS}
      onChange={(e) => change('grantType', e.target.value as GrantChoice)}
    />
  );

  return (
    <div className="settings">
      <section className="card" aria-labelledby="token-preview-title">
        <h2 id="token-preview-title">Token Preview</h2>
        <form className="form" noValidate onSubmit={submit} aria-label="Token Preview request">
          <SubjectFields
            subject={draft}
            errors={problems?.fieldErrors ?? {}}
            onChange={change}
            appLabel="OAuth/OIDC client"
            onEnter={run}
            afterApp={grantField}
          />
          <div className="form__actions form__actions--start">
            <Button variant="primary" type="submit" busy={entry?.load.status === 'loading'}>
              Preview Token
            </Button>
          </div>
        </form>
      </section>
      {problems?.formError && (
        <ErrorBanner title="Could not preview the tokens." onRetry={run}>
          {problems.formError}
        </ErrorBanner>
      )}
      {entry?.load.status === 'loading' && !entry.result && <Loading label="Previewing tokens…" />}
      {entry?.result && <TokenPreviewResult result={entry.result} grantType={entry.resultFor?.grantType} />}
    </div>
  );
}
