/** Copies a value and says so for a moment ("Copied"); its accessible name names what it copies. */
import { useState } from 'react';
import { Button } from './button.js';
import { copyText } from './copy-text.js';

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const copy = async () => {
    setState((await copyText(text)) ? 'copied' : 'failed');
    window.setTimeout(() => setState('idle'), 1500);
  };
  return (
    <>
      <Button variant="secondary" className="copy-button" aria-label={label} onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied'
          ? 'Copied to the clipboard'
          : state === 'failed'
            ? 'Could not copy; select the text and copy it by hand'
            : ''}
      </span>
    </>
  );
}
