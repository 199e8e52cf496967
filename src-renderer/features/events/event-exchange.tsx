/**
 * An event's exchange as the server kept it: the request (method, path, query and form fields,
 * the headers OAuth reads; secrets masked) and the response (status, redirect, body; tokens
 * shortened), each issued token with "Open in Token Inspector".
 */
import type { EventExchange, IssuedJwts } from '../../../src-main/contracts/events.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { Headers, ParamTable } from '../flows/exchange-view.js';

const ISSUED: readonly string[] = ['access_token', 'id_token'] satisfies (keyof IssuedJwts)[];

/** The parameters of a redirect's query and fragment, as its location was kept. */
function locationParams(location: string): [string, string][] {
  const [beforeHash = '', fragment = ''] = location.split('#', 2);
  const query = beforeHash.includes('?') ? beforeHash.slice(beforeHash.indexOf('?') + 1) : '';
  return [...new URLSearchParams(query), ...new URLSearchParams(fragment)];
}

/** A JSON object body as rows (nested values as JSON); anything else is shown as it is. */
function bodyRows(body: unknown): [string, string][] | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  return Object.entries(body).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]);
}

function OpenTokenButton({ eventId, name }: { eventId: string; name: keyof IssuedJwts }) {
  const store = useStoreApi();
  const problem = useAppStore((s) =>
    s.eventTokenProblem?.eventId === eventId && s.eventTokenProblem.name === name ? s.eventTokenProblem : null,
  );
  const words = name === 'id_token' ? 'the ID token' : 'the access token';
  return (
    <>
      {' '}
      <Button
        variant="ghost"
        className="open-in-inspector"
        onClick={() => void store.getState().openEventToken({ eventId, name })}
        aria-label={`Open ${words} in Token Inspector`}
      >
        Open in Token Inspector
      </Button>
      {problem && (
        <span className="field__error" role="alert">
          {problem.message}
        </span>
      )}
    </>
  );
}

export function EventExchangeView({ eventId, exchange }: { eventId: string; exchange: EventExchange }) {
  const { request, response } = exchange;
  const tokenButton = (name: string) =>
    ISSUED.includes(name) ? <OpenTokenButton eventId={eventId} name={name as keyof IssuedJwts} /> : null;
  const rows = bodyRows(response.body);
  return (
    <div className="exchange" aria-label="Exchange">
      <h4>Request</h4>
      <p className="exchange__line mono">
        <strong>{request.method}</strong> {request.path}
      </p>
      <ParamTable rows={Object.entries(request.query)} caption="Query" />
      <ParamTable rows={Object.entries(request.form)} caption="Form" />
      <Headers headers={request.headers} label="Request headers" />
      <h4>Response</h4>
      <p className="exchange__line mono">
        <strong>HTTP {response.status}</strong>
      </p>
      {response.location !== undefined && (
        <>
          <p className="exchange__line mono">Location: {response.location.split(/[?#]/, 1)[0]}</p>
          <ParamTable rows={locationParams(response.location)} caption="Redirect parameters" extra={tokenButton} />
        </>
      )}
      {rows ? (
        <ParamTable rows={rows} caption="Body" extra={tokenButton} />
      ) : (
        response.body !== null && (
          <pre className="exchange__body" aria-label="Response body">
            {JSON.stringify(response.body, null, 2)}
          </pre>
        )
      )}
    </div>
  );
}
