/** The signature verdict: a symbol and a title (not colour alone), the reason, and the key it used. */
import type { SignatureVerdict } from '../../../src-main/contracts/inspect.js';

export function VerdictPanel({ verdict }: { verdict: SignatureVerdict }) {
  const tone = verdict.ok ? 'ok' : verdict.signatureValid ? 'warn' : 'bad';
  return (
    <section className={`verdict verdict--${tone}`} aria-label="Signature verdict" data-verdict={verdict.code}>
      <p className="verdict__title">
        <span aria-hidden="true">{verdict.ok ? '✓' : verdict.signatureValid ? '!' : '✗'}</span> {verdict.title}
      </p>
      <p className="verdict__reason">{verdict.reason}</p>
    </section>
  );
}
