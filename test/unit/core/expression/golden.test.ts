/**
 * Runs every golden case (`golden-cases.ts`) through `evaluateSource` in its context: the value,
 * or the error's code, column and message. Every case also re-parses to the same outcome, and a
 * compiled expression gives the same result evaluated twice (no state carried over).
 */
import { describe, expect, it } from 'vitest';
import { evaluateExpression, evaluateSource, parseExpression } from '../../../../src-main/core/expression/index.js';
import { GOLDEN_CASES } from './golden-cases.js';
import type { GoldenCase } from './golden-cases.js';
import { CONTEXTS } from './sample-context.js';

const ALL = Object.values(GOLDEN_CASES).flat();

function title(c: GoldenCase): string {
  const outcome =
    'value' in c ? JSON.stringify(c.value) : `${c.error.code}${c.error.column ? ` at column ${c.error.column}` : ''}`;
  return `${c.expression || '(empty)'} → ${outcome}${c.context ? ` [${c.context}]` : ''}`;
}

describe.each(Object.entries(GOLDEN_CASES))('%s', (_section, cases) => {
  it.each(cases.map((c) => [title(c), c] as const))('%s', (_name, c) => {
    const result = evaluateSource(c.expression, CONTEXTS[c.context ?? 'alice']);
    if ('value' in c) {
      expect(result).toEqual({ ok: true, value: c.value });
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(c.error.code);
    if (c.error.column !== undefined) {
      expect(result.error.span.start + 1).toBe(c.error.column);
      expect(result.error.message).toContain(`at column ${c.error.column}`);
    }
    if (c.error.message) expect(result.error.message).toContain(c.error.message);
  });
});

describe('the golden file', () => {
  it('has more than 130 cases and every Okta "Expression Language overview" example', () => {
    expect(ALL.length).toBeGreaterThan(130);
    const refs = new Set(ALL.flatMap((c) => (c.ref ? [c.ref] : [])));
    expect([...refs].sort((a, b) => a - b)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
  });

  it('gives the same result when a compiled expression is evaluated again', () => {
    for (const c of ALL) {
      const parsed = parseExpression(c.expression);
      if (!parsed.ok) continue;
      const context = CONTEXTS[c.context ?? 'alice'];
      expect(evaluateExpression(parsed.expression, context)).toEqual(evaluateExpression(parsed.expression, context));
    }
  });

  it('never mutates the context', () => {
    const before = JSON.stringify(CONTEXTS);
    for (const c of ALL) evaluateSource(c.expression, CONTEXTS[c.context ?? 'alice']);
    expect(JSON.stringify(CONTEXTS)).toBe(before);
  });
});
