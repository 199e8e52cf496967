/**
 * The Token Preview tab (Okta's console has one by this name): choose a client, a user and scopes,
 * and see the tokens this server would mint — computed by the issuance code, nothing signed or stored.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Loading } from '../../ui/loading.js';
import { emptySubject, subjectProblemsOf, toPreviewSubject } from './preview-subject.js';
import type { SubjectDraft, SubjectField } from './preview-subject.js';
import { SubjectFields } from './subject-fields.js';
import { TokenPreviewResult } from './token-preview-result.js';

export function TokenPreview({ server }: { server: AuthorizationServerDto }) {
  const store = useStoreApi();
  const entry = useAppStore((s) => s.tokenPreviews[server.id]);
  // The form starts from the last request, so coming back to the tab shows what the result is for.
  const [subject, setSubject] = useState<SubjectDraft>(() =>
    entry?.request ? { userId: entry.request.userId ?? '', appId: entry.request.appId, scopes: entry.request.scopes.join(' ') } : emptySubject(),
  );
  const problems = entry?.load.status === 'error' ? subjectProblemsOf(entry.load.error) : null;
  const run = () => void store.getState().previewTokens(server.id, toPreviewSubject(subject));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run();
  };
  const change = (field: SubjectField, value: string) => setSubject((current) => ({ ...current, [field]: value }));

  return (
    <div className="settings">
      <section className="card" aria-labelledby="token-preview-title">
        <h2 id="token-preview-title">Token Preview</h2>
        <form className="form" noValidate onSubmit={submit} aria-label="Token Preview request">
          <SubjectFields subject={subject} errors={problems?.fieldErrors ?? {}} onChange={change} appLabel="OAuth/OIDC client" onEnter={run} />
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
      {entry?.result && <TokenPreviewResult result={entry.result} />}
    </div>
  );
}
