/**
 * The HTML of the authorize endpoint's pages (sign-in, consent, error, form_post, okta_post_message):
 * one `escapeHtml` for every echoed value, one stylesheet allowed by its hash, and a strict
 * Content-Security-Policy (no script unless a page needs one, then only with a per-response nonce).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { originOf } from '../../core/protocol/token-grants/check-origin.js';

/** Escapes the five characters that matter in HTML text and quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;background:#f4f5f7;color:#1d1d21;margin:0}
main{max-width:24rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.4rem;margin:0 0 1rem}label{display:block;margin:1rem 0 .25rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #8c8c96;border-radius:4px}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font:inherit;border:0;border-radius:4px;background:#1662dd;color:#fff;cursor:pointer}
button.secondary{background:#e5e6ea;color:#1d1d21;margin-left:.5rem}.error{color:#b3261e;font-weight:600}
ul{padding-left:1.2rem}code{background:#eee;padding:0 .2rem}`;
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** A CSP source for where a form may post or a page may be framed: the URI's origin, or its scheme for a custom-scheme URI. */
export function sourceOf(uri: string): string {
  const origin = originOf(uri);
  if (origin) return origin;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri);
  return scheme ? `${scheme[1]!.toLowerCase()}:` : "'none'";
}

export interface PageOptions {
  title: string;
  body: string;
  /** Extra `form-action` sources besides 'self' (where a redirect after a form post may go). */
  formAction?: string[];
}

/** Sends a full page with the strict CSP: no script, the one stylesheet, forms only to self (and `formAction`). */
export function sendPage(reply: FastifyReply, status: number, page: PageOptions): FastifyReply {
  const csp = [
    "default-src 'none'",
    `style-src ${STYLE_HASH}`,
    `form-action 'self'${(page.formAction ?? []).map((s) => ` ${s}`).join('')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  return reply
    .code(status)
    .headers({
      'content-security-policy': csp,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    })
    .type('text/html; charset=utf-8')
    .send(document(page.title, page.body));
}

export function document(title: string, body: string, extraHead = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style>${extraHead}</head><body><main>${body}</main></body></html>`;
}

/** A fresh nonce for the one script of a form_post or okta_post_message page. */
export const scriptNonce = () => randomBytes(18).toString('base64');

/** JSON that is safe inside a <script> element (no `</script>`, no line separators). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export const STYLE_SOURCE = STYLE_HASH;
