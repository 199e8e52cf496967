/** One HTTP exchange as it went over the wire: the request (with its query decoded), then the response. */
import type { ReactNode } from 'react';
import type { Exchange } from '../../../src-main/contracts/flow-run.js';

function decodedQuery(url: string): [string, string][] {
  try {
    const parsed = new URL(url);
    const fragment = parsed.hash.replace(/^#/, '');
    return [...parsed.searchParams, ...(fragment.includes('=') ? new URLSearchParams(fragment) : [])];
  } catch {
    return [];
  }
}

/** Name and value rows under a caption (decoded query, form fields, a JSON body); `extra` adds to a value's cell. */
export function ParamTable({
  rows,
  caption,
  extra,
}: {
  rows: [string, string][];
  caption: string;
  extra?: (name: string) => ReactNode;
}) {
  if (rows.length === 0) return null;
  return (
    <table className="exchange__query">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([name, value], i) => (
          <tr key={`${name}-${i}`}>
            <th scope="row">{name}</th>
            <td className="mono">
              {value}
              {extra?.(name)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Headers({ headers, label }: { headers: Record<string, string>; label: string }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return null;
  return (
    <dl className="exchange__headers" aria-label={label}>
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd className="mono">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ExchangeView({ exchange }: { exchange: Exchange }) {
  const { request, response } = exchange;
  const query = decodedQuery(request.url);
  return (
    <div className="exchange">
      <p className="exchange__line mono">
        <strong>{request.method}</strong> {request.url}
      </p>
      <ParamTable rows={query} caption="Parameters" />
      <Headers headers={request.headers} label="Request headers" />
      {request.body !== undefined && (
        <pre className="exchange__body" aria-label="Request body">
          {request.body}
        </pre>
      )}
      {response ? (
        <>
          <p className="exchange__line mono">
            <strong>HTTP {response.status}</strong>
          </p>
          <Headers headers={response.headers} label="Response headers" />
          <pre className="exchange__body" aria-label="Response body">
            {response.body}
          </pre>
        </>
      ) : (
        <p className="muted">Sent by the sign-in window, not the runner.</p>
      )}
    </div>
  );
}
