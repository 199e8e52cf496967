/**
 * Broken sandbox documents: every fault is reported with its JSON path, all at once, and nothing is
 * written (the export after the refusal is the export before it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';

let app: TestApp;
const demo = () => JSON.parse(readFileSync(new URL('../../../examples/demo.json', import.meta.url), 'utf8'));
const snapshot = async () => (await app.api('/api/sandbox/v1/export')).text();

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

async function refusal(body: string, query = '?mode=merge'): Promise<string[]> {
  const before = await snapshot();
  const response = await app.api(`/api/sandbox/v1/import${query}`, { method: 'POST', body });
  expect(response.status).toBe(400);
  const answer = (await response.json()) as { errorCode: string; errorCauses: { errorSummary: string }[] };
  expect(await snapshot()).toBe(before);
  return [answer.errorCode, ...answer.errorCauses.map((c) => c.errorSummary)];
}

describe('a refused sandbox document', () => {
  it('is not JSON: the API says the body is malformed', async () => {
    const [code] = await refusal('{"kind": "authbox-sandbox",');
    expect(code).toBe('E0000003');
  });

  it('has a wrong or missing version', async () => {
    expect(await refusal(JSON.stringify({ ...demo(), version: 2 }))).toEqual([
      'E0000001',
      '$.version: must be 1; this Authbox reads version 1 documents',
    ]);
    const { version: _version, ...unversioned } = demo();
    expect(await refusal(JSON.stringify(unversioned))).toEqual(['E0000001', '$.version: is missing']);
  });

  it('lists every missing field and wrong type at once, each with its path', async () => {
    const doc = demo();
    delete doc.servers[0].name;
    doc.servers[0].policies[0].rules[1].grantTypes = 'client_credentials';
    doc.apps[1].authMethod = 'client_secret_magic';
    doc.users[0].status = 'HAPPY';
    expect(await refusal(JSON.stringify(doc))).toEqual([
      'E0000001',
      '$.servers[0].name: must be a string',
      '$.servers[0].policies[0].rules[1].grantTypes: must be an array of strings',
      '$.apps[1].authMethod: must be one of client_secret_basic, client_secret_post, client_secret_jwt, private_key_jwt, none',
      '$.users[0].status: must be one of STAGED, PROVISIONED, ACTIVE, RECOVERY, PASSWORD_EXPIRED, LOCKED_OUT, SUSPENDED, DEPROVISIONED',
    ]);
  });

  it('names a group, a user, a scope or an app that does not exist', async () => {
    const doc = demo();
    doc.servers[0].policies[0].rules[0].groupIds.include = ['00gNoSuchGroup000001'];
    doc.servers[0].policies[0].rules[0].scopes = ['openid', 'pets:feed'];
    doc.servers[0].policies[0].clientIds.push('0oaNoSuchApp00000001');
    doc.apps[0].users = [{ userId: '00uNoSuchUser0000001' }];
    expect(await refusal(JSON.stringify(doc))).toEqual([
      'E0000001',
      "$.servers[0].policies[0].clientIds: no app with client id '0oaNoSuchApp00000001' in the document or the sandbox",
      "$.servers[0].policies[0].rules[0].scopes: no scope named 'pets:feed' in the document or the sandbox",
      "$.servers[0].policies[0].rules[0].groupIds: no group with id '00gNoSuchGroup000001' in the document or the sandbox",
      "$.apps[0].users: no user with id '00uNoSuchUser0000001' in the document or the sandbox",
    ]);
  });

  it('uses a name twice', async () => {
    const doc = demo();
    doc.servers[0].scopes[1].name = 'pets:read';
    doc.groups = [{ name: 'Pet owners' }, { name: 'pet owners' }];
    doc.apps[1].clientId = doc.apps[0].clientId;
    const causes = await refusal(JSON.stringify(doc));
    expect(causes).toContain(
      "$.servers[0].scopes[1].name: the scope name 'pets:read' is used twice (first at $.servers[0].scopes[0].name)",
    );
    expect(causes).toContain(
      "$.apps[1].clientId: the client id '0oaDemoPetsWeb000001' is used twice (first at $.apps[0].clientId)",
    );
    expect(causes).toContain("$.groups[1].name: the name 'pet owners' is used twice (first at $.groups[0].name)");
  });

  it('grants an app a scope that is not an Okta API scope, or one scope twice', async () => {
    const doc = demo();
    doc.apps[0].grants = [{ scopeId: 'okta.users.read' }, { scopeId: 'pets:read' }, { scopeId: 'okta.users.read' }];
    doc.apps[1].grants = { scopeId: 'okta.apps.read' };
    expect(await refusal(JSON.stringify(doc))).toEqual(['E0000001', '$.apps[1].grants: must be an array of grants']);
    doc.apps[1].grants = [];
    expect(await refusal(JSON.stringify(doc))).toEqual([
      'E0000001',
      "$.apps[0].grants[1].scopeId: 'pets:read' is not an Okta API scope this org offers",
      "$.apps[0].grants[2].scopeId: the scope 'okta.users.read' is used twice (first at $.apps[0].grants[0].scopeId)",
    ]);
  });

  it('has a claim whose expression does not parse', async () => {
    const doc = demo();
    doc.servers[0].claims[0].value = 'user.honorific +';
    const causes = await refusal(JSON.stringify(doc));
    expect(causes).toHaveLength(2);
    expect(causes[1]).toMatch(/^\$\.servers\[0\]\.claims\[0\]\.value: /);
  });

  it('takes only merge or replace as mode', async () => {
    expect(await refusal(JSON.stringify(demo()), '?mode=overwrite')).toEqual([
      'E0000001',
      "mode: must be merge or replace, not 'overwrite'",
    ]);
  });

  it('checks a dry run without writing, and then writes the same document', async () => {
    const before = await snapshot();
    const dry = await app.api('/api/sandbox/v1/import?dryRun=true', { method: 'POST', body: JSON.stringify(demo()) });
    expect(dry.status).toBe(200);
    expect(((await dry.json()) as { applied: boolean }).applied).toBe(false);
    expect(await snapshot()).toBe(before);
  });
});
