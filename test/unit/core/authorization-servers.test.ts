import { beforeEach, describe, expect, it } from 'vitest';
import { AuthorizationServers, DEFAULT_SERVER_ID } from '../../../src-main/core/authorization-servers.js';
import { NotFound, ValidationFailed } from '../../../src-main/core/errors.js';
import type { SigningKeyRecord } from '../../../src-main/core/ports/authorization-servers.js';
import { FakeClock, FakeCrypto, MemoryAuthorizationServerRepository } from './fakes.js';

const T0 = new Date('2024-01-10T08:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const days = (from: Date, n: number) => new Date(from.getTime() + n * DAY_MS);

const body = (overrides: Record<string, unknown> = {}) => ({
  name: 'Payments',
  description: 'Payments API',
  audiences: ['api://payments'],
  ...overrides,
});

const statuses = (keys: SigningKeyRecord[]) => keys.map((k) => `${k.kid}:${k.status}`);

let store: MemoryAuthorizationServerRepository;
let crypto: FakeCrypto;
let clock: FakeClock;
let servers: AuthorizationServers;

beforeEach(() => {
  store = new MemoryAuthorizationServerRepository();
  crypto = new FakeCrypto();
  clock = new FakeClock(T0);
  servers = new AuthorizationServers({ store, crypto, clock });
});

/** Runs `action` and returns the ValidationFailed it throws. */
async function validationFailure(action: () => Promise<unknown>): Promise<ValidationFailed> {
  const error = await action().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationFailed);
  return error as ValidationFailed;
}

describe('create', () => {
  it('creates an ACTIVE server with ORG_URL issuer mode and AUTO rotation by default', async () => {
    const server = await servers.create(body());
    expect(server).toEqual({
      id: 'aus00000000000000001',
      name: 'Payments',
      description: 'Payments API',
      audiences: ['api://payments'],
      issuerMode: 'ORG_URL',
      status: 'ACTIVE',
      isDefault: false,
      rotationMode: 'AUTO',
      lastRotated: T0,
      nextRotation: days(T0, 90),
      created: T0,
      lastUpdated: T0,
    });
    expect(servers.get(server.id)).toEqual(server);
  });

  it('publishes an ACTIVE and a NEXT key for AUTO rotation', async () => {
    const server = await servers.create(body());
    expect(statuses(await servers.keys(server.id))).toEqual(['kid-1:ACTIVE', 'kid-2:NEXT']);
  });

  it('publishes only an ACTIVE key and schedules nothing for MANUAL rotation', async () => {
    const server = await servers.create(body({ credentials: { signing: { rotationMode: 'MANUAL' } } }));
    expect(server.rotationMode).toBe('MANUAL');
    expect(server.nextRotation).toBeNull();
    expect(statuses(await servers.keys(server.id))).toEqual(['kid-1:ACTIVE']);
  });

  it('marks only the server with id "default" as the default server', async () => {
    const chosen = await servers.create(body({ name: 'other' }), { id: 'aus-chosen' });
    const byDefault = await servers.create(body({ name: 'default' }), { id: DEFAULT_SERVER_ID });
    expect(chosen.id).toBe('aus-chosen');
    expect(chosen.isDefault).toBe(false);
    expect(byDefault.id).toBe('default');
    expect(byDefault.isDefault).toBe(true);
  });

  it('keeps a DYNAMIC issuer mode', async () => {
    expect((await servers.create(body({ issuerMode: 'DYNAMIC' }))).issuerMode).toBe('DYNAMIC');
  });

  it('trims the name and description', async () => {
    const server = await servers.create(body({ name: '  Payments  ', description: ' Payments API ' }));
    expect(server.name).toBe('Payments');
    expect(server.description).toBe('Payments API');
  });

  it.each([
    { what: 'a blank name', input: body({ name: '   ' }), field: 'name', message: /blank/ },
    {
      what: 'a missing description',
      input: { name: 'x', audiences: ['api://x'] },
      field: 'description',
      message: /blank/,
    },
    {
      what: 'two audiences',
      input: body({ audiences: ['api://a', 'api://b'] }),
      field: 'audiences',
      message: /exactly one audience/,
    },
    {
      what: 'a CUSTOM_URL issuer mode',
      input: body({ issuerMode: 'CUSTOM_URL' }),
      field: 'issuerMode',
      message: /CUSTOM_URL/,
    },
    {
      what: 'an unknown rotation mode',
      input: body({ credentials: { signing: { rotationMode: 'WEEKLY' } } }),
      field: 'credentials.signing.rotationMode',
      message: /AUTO, MANUAL/,
    },
    { what: 'an array body', input: [body()], field: 'body', message: /JSON object/ },
    { what: 'a string body', input: 'name=Payments', field: 'body', message: /JSON object/ },
    { what: 'a null body', input: null, field: 'body', message: /JSON object/ },
  ])('refuses $what with an issue naming $field', async ({ input, field, message }) => {
    const error = await validationFailure(() => servers.create(input));
    expect(error.code).toBe('ERR_VALIDATION');
    expect(error.issues).toEqual([{ field, message: expect.stringMatching(message) }]);
    expect(error.message).toBe(`Api validation failed: ${field}`);
    expect(store.servers).toEqual([]);
    expect(crypto.generated).toBe(0);
  });

  it('refuses a second server with the same name and writes nothing', async () => {
    await servers.create(body());
    const writes = store.writes;
    const error = await validationFailure(() => servers.create(body({ audiences: ['api://other'] })));
    expect(error.issues).toEqual([
      { field: 'name', message: 'An object with this field already exists in the current organization' },
    ]);
    expect(store.writes).toBe(writes);
    expect(store.servers).toHaveLength(1);
  });
});

describe('get, list and delete', () => {
  it('throws NotFound for an unknown id', () => {
    expect(() => servers.get('nope')).toThrow(NotFound);
    expect(() => servers.get('nope')).toThrow('Resource not found: nope (AuthorizationServer)');
  });

  it('lists servers in creation order with paging and a filter', async () => {
    const a = await servers.create(body({ name: 'Alpha' }));
    const b = await servers.create(body({ name: 'Beta' }));
    const c = await servers.create(body({ name: 'Gamma', audiences: ['api://alphabet'] }));
    expect(servers.list({ limit: 10 }).map((s) => s.id)).toEqual([a.id, b.id, c.id]);
    expect(servers.list({ limit: 1, after: a.id }).map((s) => s.id)).toEqual([b.id]);
    expect(servers.list({ limit: 10 }, 'ALPHA').map((s) => s.id)).toEqual([a.id, c.id]);
  });

  it('deletes a server and its keys', async () => {
    const server = await servers.create(body());
    servers.delete(server.id);
    expect(() => servers.get(server.id)).toThrow(NotFound);
    expect(store.keys(server.id)).toEqual([]);
  });

  it('throws NotFound when deleting an unknown server', () => {
    const error = (() => {
      try {
        servers.delete('aus-missing');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(NotFound);
    expect(error).toMatchObject({ code: 'ERR_NOT_FOUND', id: 'aus-missing', kind: 'AuthorizationServer' });
  });
});

describe('replace', () => {
  it('replaces every writable field and keeps id, status, created and keys', async () => {
    const server = await servers.create(body());
    clock.set(days(T0, 1));
    const updated = await servers.replace(server.id, {
      name: 'Payments v2',
      description: 'New description',
      audiences: ['api://payments/v2'],
      issuerMode: 'DYNAMIC',
    });
    expect(updated).toEqual({
      ...server,
      name: 'Payments v2',
      description: 'New description',
      audiences: ['api://payments/v2'],
      issuerMode: 'DYNAMIC',
      lastUpdated: days(T0, 1),
    });
    expect(servers.get(server.id)).toEqual(updated);
    expect(statuses(await servers.keys(server.id))).toEqual(['kid-1:ACTIVE', 'kid-2:NEXT']);
  });

  it('resets an omitted issuer mode to ORG_URL (PUT semantics)', async () => {
    const server = await servers.create(body({ issuerMode: 'DYNAMIC' }));
    expect((await servers.replace(server.id, body())).issuerMode).toBe('ORG_URL');
  });

  it('ignores read-only members in the body', async () => {
    const server = await servers.create(body());
    const updated = await servers.replace(
      server.id,
      body({ id: 'hijack', status: 'INACTIVE', created: '2000-01-01T00:00:00Z' }),
    );
    expect(updated.id).toBe(server.id);
    expect(updated.status).toBe('ACTIVE');
    expect(updated.created).toEqual(T0);
  });

  it('allows keeping its own name but refuses another server’s name', async () => {
    const first = await servers.create(body({ name: 'First' }));
    await servers.create(body({ name: 'Second' }));
    await expect(servers.replace(first.id, body({ name: 'First', description: 'changed' }))).resolves.toMatchObject({
      description: 'changed',
    });
    const error = await validationFailure(() => servers.replace(first.id, body({ name: 'Second' })));
    expect(error.issues.map((i) => i.field)).toEqual(['name']);
    expect(servers.get(first.id).name).toBe('First');
  });

  it('refuses an invalid body naming the field and changes nothing', async () => {
    const server = await servers.create(body());
    const error = await validationFailure(() => servers.replace(server.id, body({ audiences: [] })));
    expect(error.issues).toEqual([{ field: 'audiences', message: 'exactly one audience is supported' }]);
    expect(servers.get(server.id)).toEqual(server);
  });

  it('throws NotFound for an unknown server', async () => {
    await expect(servers.replace('aus-missing', body())).rejects.toBeInstanceOf(NotFound);
  });

  it('adds a NEXT key and schedules rotation when switching MANUAL → AUTO', async () => {
    const server = await servers.create(body({ credentials: { signing: { rotationMode: 'MANUAL' } } }));
    clock.set(days(T0, 5));
    const updated = await servers.replace(server.id, body({ credentials: { signing: { rotationMode: 'AUTO' } } }));
    expect(updated.rotationMode).toBe('AUTO');
    expect(updated.nextRotation).toEqual(days(T0, 90));
    expect(servers.get(server.id)).toEqual(updated);
    const keys = await servers.keys(server.id);
    expect(statuses(keys)).toEqual(['kid-1:ACTIVE', 'kid-2:NEXT']);
    expect(keys[1]?.created).toEqual(days(T0, 5));
  });

  it('stops the schedule when switching AUTO → MANUAL', async () => {
    const server = await servers.create(body());
    const updated = await servers.replace(server.id, body({ credentials: { signing: { rotationMode: 'MANUAL' } } }));
    expect(updated.rotationMode).toBe('MANUAL');
    expect(updated.nextRotation).toBeNull();
    expect(servers.get(server.id).nextRotation).toBeNull();
    // No rotation happens however late it gets.
    clock.set(days(T0, 400));
    expect((await servers.keys(server.id)).find((k) => k.status === 'ACTIVE')?.kid).toBe('kid-1');
  });
});

describe('setStatus', () => {
  it('deactivates and reactivates a server, updating lastUpdated', async () => {
    const server = await servers.create(body());
    clock.set(days(T0, 2));
    expect(servers.setStatus(server.id, 'INACTIVE')).toMatchObject({ status: 'INACTIVE', lastUpdated: days(T0, 2) });
    expect(servers.get(server.id).status).toBe('INACTIVE');
    clock.set(days(T0, 3));
    expect(servers.setStatus(server.id, 'ACTIVE')).toMatchObject({ status: 'ACTIVE', lastUpdated: days(T0, 3) });
  });

  it('writes nothing when the status is unchanged', async () => {
    const server = await servers.create(body());
    const writes = store.writes;
    clock.set(days(T0, 2));
    expect(servers.setStatus(server.id, 'ACTIVE')).toEqual(server);
    expect(store.writes).toBe(writes);
  });

  it('throws NotFound for an unknown server', () => {
    expect(() => servers.setStatus('aus-missing', 'INACTIVE')).toThrow(NotFound);
  });
});

describe('keys and rotation', () => {
  it('rotates on demand: ACTIVE → EXPIRED, NEXT → ACTIVE, a new NEXT', async () => {
    const server = await servers.create(body());
    clock.set(days(T0, 10));
    const rotated = await servers.rotate(server.id);
    expect(statuses(rotated)).toEqual(['kid-2:ACTIVE', 'kid-3:NEXT', 'kid-1:EXPIRED']);
    expect(statuses(await servers.keys(server.id))).toEqual(statuses(rotated));
    expect(servers.get(server.id)).toMatchObject({
      lastRotated: days(T0, 10),
      nextRotation: days(T0, 100),
      lastUpdated: days(T0, 10),
    });
  });

  it('drops the old EXPIRED key on the second rotation', async () => {
    const server = await servers.create(body());
    await servers.rotate(server.id);
    expect(statuses(await servers.rotate(server.id))).toEqual(['kid-3:ACTIVE', 'kid-4:NEXT', 'kid-2:EXPIRED']);
  });

  it('rotates a MANUAL server to a fresh ACTIVE key and keeps no schedule', async () => {
    const server = await servers.create(body({ credentials: { signing: { rotationMode: 'MANUAL' } } }));
    expect(statuses(await servers.rotate(server.id))).toEqual(['kid-2:ACTIVE', 'kid-1:EXPIRED']);
    expect(servers.get(server.id).nextRotation).toBeNull();
  });

  it('does not rotate an AUTO server before nextRotation', async () => {
    const server = await servers.create(body());
    clock.set(new Date(days(T0, 90).getTime() - 1));
    expect(statuses(await servers.keys(server.id))).toEqual(['kid-1:ACTIVE', 'kid-2:NEXT']);
    expect(servers.get(server.id).lastRotated).toEqual(T0);
  });

  it('rotates an AUTO server when the clock reaches nextRotation', async () => {
    const server = await servers.create(body());
    clock.set(days(T0, 90));
    expect(statuses(await servers.keys(server.id))).toEqual(['kid-2:ACTIVE', 'kid-3:NEXT', 'kid-1:EXPIRED']);
    expect(servers.get(server.id)).toMatchObject({ lastRotated: days(T0, 90), nextRotation: days(T0, 180) });
    // Reading again does not rotate again.
    expect(statuses(await servers.keys(server.id))).toEqual(['kid-2:ACTIVE', 'kid-3:NEXT', 'kid-1:EXPIRED']);
  });

  it('rotates once, not once per missed period, when the clock jumps far ahead', async () => {
    const server = await servers.create(body());
    clock.set(days(T0, 365));
    expect(statuses(await servers.keys(server.id))).toEqual(['kid-2:ACTIVE', 'kid-3:NEXT', 'kid-1:EXPIRED']);
    expect(servers.get(server.id).nextRotation).toEqual(days(T0, 455));
  });

  it('finds one key by kid and throws NotFound for an unknown kid', async () => {
    const server = await servers.create(body());
    expect((await servers.key(server.id, 'kid-2')).status).toBe('NEXT');
    await expect(servers.key(server.id, 'kid-404')).rejects.toMatchObject({
      id: 'kid-404',
      kind: 'AuthorizationServerKey',
    });
  });

  it('throws NotFound for keys or rotation of an unknown server', async () => {
    await expect(servers.keys('aus-missing')).rejects.toBeInstanceOf(NotFound);
    await expect(servers.rotate('aus-missing')).rejects.toBeInstanceOf(NotFound);
  });
});
