/** The client checks that were asked for: the nonce against the one sent, at_hash and c_hash. */
import type { HashCheck, NonceCheck } from '../../../src-main/contracts/inspect.js';

export function TokenChecks({ nonce, hashes }: { nonce: NonceCheck | null; hashes: HashCheck[] }) {
  if (!nonce && hashes.length === 0) return null;
  return (
    <ul className="token-checks" aria-label="Checks">
      {nonce && (
        <Check
          pass={nonce.matches}
          text={
            nonce.matches
              ? `nonce matches the nonce that was sent (${nonce.sent})`
              : `nonce ${nonce.actual === null ? 'is missing' : `is ${nonce.actual}`}, but ${nonce.sent} was sent`
          }
        />
      )}
      {hashes.map((check) => (
        <Check key={check.claim} pass={check.matches} text={check.reason} />
      ))}
    </ul>
  );
}

function Check({ pass, text }: { pass: boolean; text: string }) {
  return (
    <li className={pass ? 'token-check token-check--pass' : 'token-check token-check--fail'}>
      <span aria-hidden="true">{pass ? '✓' : '✗'}</span> <strong>{pass ? 'Pass' : 'Fail'}:</strong> {text}
    </li>
  );
}
