/**
 * docs/sandbox-document.schema.json is the document's schema as committed: it matches the zod
 * schema it is written from, and every export — and every example — validates against it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { sandboxDocumentJsonSchema } from '../../../src-main/contracts/sandbox-document.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';

const committed = JSON.parse(
  readFileSync(new URL('../../../docs/sandbox-document.schema.json', import.meta.url), 'utf8'),
);
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committed);
const examples = new URL('../../../examples/', import.meta.url);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('the JSON Schema of the sandbox document', () => {
  it('is the one written from the zod schema (run npm run document-schema after changing it)', () => {
    expect(committed).toEqual(sandboxDocumentJsonSchema());
  });

  it('accepts every export, with and without keys', async () => {
    expect((await app.api('/api/sandbox/v1/demo', { method: 'POST' })).status).toBe(200);
    for (const query of ['', '?withKeys=true', '?serverId=ausDemoPets0000000001']) {
      const doc = await (await app.api(`/api/sandbox/v1/export${query}`)).json();
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('accepts every example and refuses a document with a misspelt member', () => {
    for (const file of readdirSync(examples).filter((name) => name.endsWith('.json'))) {
      const doc = JSON.parse(readFileSync(new URL(file, examples), 'utf8'));
      expect(validate(doc), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ kind: 'authbox-sandbox', version: 1, server: [] })).toBe(false);
  });
});
