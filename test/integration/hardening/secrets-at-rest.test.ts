/**
 * Private signing keys and client secrets sealed at rest with the keychain's cipher (stubbed here:
 * the bytes reversed, in base64): the database files hold neither a private JWK's `d` nor a client
 * secret in the clear, tokens are still signed and secrets still checked, plain values from an
 * older folder still read, and a sealed folder opened without the keychain is refused with one line.
 * A Flow Runner run keeps a Password run's password (so that Run again works): the run is sealed too.
 */
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src-main/app/create-app.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { assignedUser as assignedTo } from '../authorize/fixtures.js';
import { RUNS, createNativeApp, postRun } from '../flow-runner/runner-fixtures.js';
import { PASSWORD } from '../token/fixtures.js';
import { assignedUser, createRefreshClient, signIn } from '../token/issued-tokens.js';

const cipher = {
  encrypt: (plain: string) => Buffer.from(plain, 'utf8').reverse().toString('base64'),
  decrypt: (sealed: string) => Buffer.from(sealed, 'base64').reverse().toString('utf8'),
};
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function newFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'authbox-sealed-'));
  folders.push(folder);
  return folder;
}

/** The database and its WAL as text, as another program reading the files would see them. */
function databaseText(dataDir: string): string {
  return ['authbox.db', 'authbox.db-wal']
    .map((name) => join(dataDir, name))
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path).toString('latin1'))
    .join('');
}

async function withApp<T>(dataDir: string, keychain: boolean, work: (t: TestApp) => Promise<T>): Promise<T> {
  const t = await startTestApp({ dataDir, ...(keychain ? { keychain: cipher } : {}) });
  try {
    return await work(t);
  } finally {
    await t.close();
  }
}

describe('secrets at rest with the keychain', () => {
  it('keeps no private d or client secret in the clear, and reads them back after a restart', async () => {
    const dataDir = newFolder();
    const secret = await withApp(dataDir, true, async (t) => {
      const client = await createRefreshClient(t);
      await assignedUser(t, client, 'sealed@example.com');
      expect((await signIn(t, client, 'sealed@example.com', 'openid')).id_token).toEqual(expect.any(String));
      t.app.database.pragma('wal_checkpoint(TRUNCATE)');
      return client;
    });
    const text = databaseText(dataDir);
    expect(text).toContain('sealed:v1:');
    expect(text).not.toMatch(/"d":"/);
    expect(text).not.toContain(secret.clientSecret!);
    await withApp(dataDir, true, async (t) => {
      expect((await signIn(t, secret, 'sealed@example.com', 'openid')).id_token).toEqual(expect.any(String));
    });
  });

  it('still reads the plain values of a folder written without it, and seals what it writes', async () => {
    const dataDir = newFolder();
    const old = await withApp(dataDir, false, async (t) => {
      const client = await createRefreshClient(t);
      await assignedUser(t, client, 'older@example.com');
      // A new folder's signing keys are made by the first request that needs them.
      expect((await fetch(`${t.origin}/oauth2/default/v1/keys`)).status).toBe(200);
      return client;
    });
    expect(databaseText(dataDir)).toMatch(/"d":"/);
    const fresh = await withApp(dataDir, true, async (t) => {
      expect((await signIn(t, old, 'older@example.com', 'openid')).access_token).toEqual(expect.any(String));
      const client = await createRefreshClient(t);
      t.app.database.pragma('wal_checkpoint(TRUNCATE)');
      return client;
    });
    const text = databaseText(dataDir);
    expect(text).toContain(old.clientSecret!);
    expect(text).not.toContain(fresh.clientSecret!);
  });

  it('refuses to start headless on a folder with sealed secrets, saying how to open it', async () => {
    const dataDir = newFolder();
    await withApp(dataDir, true, async (t) => {
      expect((await fetch(`${t.origin}/oauth2/default/v1/keys`)).status).toBe(200);
    });
    await expect(createApp({ dataDir, port: 0 })).rejects.toMatchObject({
      code: 'DATABASE',
      message: `${dataDir} holds private keys, client secrets or Flow Runner runs encrypted with the desktop app's OS keychain; open it with the desktop app, or export the sandbox from there`,
    });
  });

  it('seals a Flow Runner run, which holds the password of a Password run, and runs it again after a restart', async () => {
    const dataDir = newFolder();
    // Written headless first: the signing keys stay plain, so only the run is sealed below.
    await withApp(dataDir, false, async (t) => {
      expect((await fetch(`${t.origin}/oauth2/default/v1/keys`)).status).toBe(200);
    });
    const runId = await withApp(dataDir, true, async (t) => {
      const app = await createNativeApp(t, 'Sealed runner app');
      await assignedTo(t, app, 'runner@example.com');
      const created = await postRun(t, RUNS, {
        serverId: 'default',
        appId: app.id,
        flow: 'password',
        username: 'runner@example.com',
        password: PASSWORD,
        scopes: ['openid'],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const run = (await postRun(t, `${RUNS}/${created.body.id}/advance`, { to: 'end' })).body;
      expect(run.status, run.error ?? '').toBe('finished');
      t.app.database.pragma('wal_checkpoint(TRUNCATE)');
      return run.id;
    });
    const text = databaseText(dataDir);
    expect(text).toContain('sealed:v1:');
    expect(text).not.toContain(PASSWORD);

    await withApp(dataDir, true, async (t) => {
      const again = await postRun(t, `${RUNS}/${runId}/again`);
      expect(again.status, JSON.stringify(again.body)).toBe(201);
      const rerun = (await postRun(t, `${RUNS}/${again.body.id}/advance`, { to: 'end' })).body;
      expect(rerun.status, rerun.error ?? '').toBe('finished');
    });
    await expect(createApp({ dataDir, port: 0 })).rejects.toMatchObject({ code: 'DATABASE' });
  });
});
