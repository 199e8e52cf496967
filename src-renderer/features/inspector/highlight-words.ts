/**
 * How each highlight is shown: a label, a symbol and a colour class, so a reader who cannot tell the
 * colours apart still reads the label (WCAG 2.2, 1.4.1 Use of Color).
 */
import type { ClaimCategory, ClaimHighlight } from '../../../src-main/contracts/inspect.js';

export const HIGHLIGHTS: Record<ClaimHighlight, { label: string; symbol: string; meaning: string }> = {
  nonce: { label: 'nonce', symbol: '◎', meaning: 'the value the client sent, echoed back against replay' },
  custom: { label: 'custom', symbol: '★', meaning: "a claim this server's Claims put in the token" },
  'scope-derived': { label: 'scope-derived', symbol: '◇', meaning: 'a standard claim a granted scope brings' },
  security: { label: 'security', symbol: '⚑', meaning: 'a claim a relying party must check itself' },
};

export const HIGHLIGHT_ORDER: ClaimHighlight[] = ['nonce', 'custom', 'scope-derived', 'security'];

export const CATEGORY_WORDS: Record<ClaimCategory, string> = {
  jwt: 'JWT',
  oidc: 'OIDC',
  okta: 'Okta',
  scope: 'Scope',
  custom: 'Custom',
};
