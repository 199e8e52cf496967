/** One token's payload as JSON, custom claims highlighted (key and value) and named for screen readers. */
import { useId } from 'react';
import { OpenInInspectorButton } from '../inspector/open-in-inspector-button.js';
import { payloadLines } from './payload-lines.js';

export interface TokenPayloadProps {
  title: string;
  /** Null when this token would not be issued; `absent` says why. */
  payload: Record<string, unknown> | null;
  custom: Set<string>;
  absent: string;
}

export function TokenPayload({ title, payload, custom, absent }: TokenPayloadProps) {
  const headingId = useId();
  return (
    <section className="token-payload" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {payload && <OpenInInspectorButton payload={payload} label={`Token Preview: ${title} (not signed)`} />}
      {payload ? <PayloadJson payload={payload} custom={custom} /> : <p className="empty">{absent}</p>}
    </section>
  );
}

function PayloadJson({ payload, custom }: { payload: Record<string, unknown>; custom: Set<string> }) {
  const lines = payloadLines(payload, custom);
  return (
    <pre className="json">
      {'{\n'}
      {lines.map((line, index) => (
        <span key={line.name}>
          {'  '}
          {line.custom ? (
            <mark className="custom-claim">
              {line.text}
              <span className="visually-hidden"> (custom claim)</span>
            </mark>
          ) : (
            line.text
          )}
          {index < lines.length - 1 ? ',\n' : '\n'}
        </span>
      ))}
      {'}'}
    </pre>
  );
}
