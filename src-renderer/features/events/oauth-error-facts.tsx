/** An OAuth error as the client saw it (`error`, `error_description`) beside the private reason it did not see. */
export interface OAuthErrorFactsProps {
  error: string | null;
  description: string | null;
  detail: string | null;
}

export function OAuthErrorFacts({ error, description, detail }: OAuthErrorFactsProps) {
  return (
    <dl className="trace-facts event-error">
      <dt>Error</dt>
      <dd className="mono">{error ?? '—'}</dd>
      <dt>Error description</dt>
      <dd>{description ?? '—'}</dd>
      <dt>Why (not sent to the client)</dt>
      <dd>{detail || '—'}</dd>
    </dl>
  );
}
