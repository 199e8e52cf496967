// The loaded variant of `npm run bench`: the bench server's data folder filled as a long-used sandbox
// would be, to show that stored data does not slow requests. Through the management API: 1,000 users
// in 100 groups, 200 apps, 100 policies × 10 rules placed ahead of the bench policy (each naming two
// of those apps, so every token request walks past them); then, straight into the SQLite file (as
// issuing them one by one would take minutes), 100,000 stored access tokens issued over the last 75
// minutes with an hour's lifetime (the oldest fifth already expired, for the sweeper), their ids made
// as the server makes them (`core/time-ordered-id.ts`: the time in base 62, then random characters),
// and a full event log of 10,000 events carrying the trace of a real token request.
import Database from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';

export const LOADED = { users: 1000, groups: 100, apps: 200, policies: 100, rulesPerPolicy: 10, tokens: 100_000 };
const EVENTS = 10_000;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** An id as `core/time-ordered-id.ts` makes it: the prefix, 7 base-62 digits of `ms`, random characters up to `length`. */
function timeOrderedId(prefix, ms, length = 20) {
  let id = prefix;
  for (let i = 6; i >= 0; i--) id += ALPHABET[Math.floor(ms / ALPHABET.length ** i) % ALPHABET.length];
  while (id.length < length) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/** Runs `count` calls of `make(i)` with 8 in flight. */
async function inParallel(count, make) {
  const results = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await make(i);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return results;
}

/** The directory, apps, policies and rules, through the management API (`call(method, path, body)`). */
export async function loadThroughApi(call, serverId) {
  const groups = await inParallel(LOADED.groups, (i) =>
    call('POST', '/api/v1/groups', { profile: { name: `Loaded group ${i}`, description: 'bench' } }),
  );
  await inParallel(LOADED.users, async (i) => {
    const user = await call('POST', '/api/v1/users?activate=true', {
      profile: { login: `loaded${i}@example.com`, email: `loaded${i}@example.com`, firstName: 'L', lastName: `${i}` },
    });
    await call('PUT', `/api/v1/groups/${groups[i % LOADED.groups].id}/users/${user.id}`);
  });
  const apps = await inParallel(LOADED.apps, (i) =>
    call('POST', '/api/v1/apps', {
      name: 'oidc_client',
      label: `Loaded service ${i}`,
      signOnMode: 'OPENID_CONNECT',
      settings: {
        oauthClient: { application_type: 'service', grant_types: ['client_credentials'], response_types: ['token'] },
      },
    }),
  );
  const base = `/api/v1/authorizationServers/${serverId}/policies`;
  await inParallel(LOADED.policies, async (i) => {
    const clients = [apps[2 * i], apps[2 * i + 1]].map((app) => app.credentials.oauthClient.client_id);
    const policy = await call('POST', base, {
      type: 'OAUTH_AUTHORIZATION_POLICY',
      name: `Loaded policy ${i}`,
      description: 'bench',
      priority: 1,
      conditions: { clients: { include: clients } },
    });
    for (let r = 0; r < LOADED.rulesPerPolicy; r++) {
      await call('POST', `${base}/${policy.id}/rules`, {
        type: 'RESOURCE_ACCESS',
        name: `Loaded rule ${r}`,
        conditions: {
          people: { groups: { include: [groups[(i + r) % LOADED.groups].id] } },
          grantTypes: { include: ['client_credentials', 'authorization_code'] },
          scopes: { include: ['*'] },
        },
      });
    }
  });
}

/** Tokens and events straight into the database of the running server (WAL lets both write). */
export function loadIntoDatabase(dataDir) {
  const db = new Database(join(dataDir, 'authbox.db'));
  db.pragma('busy_timeout = 10000');
  const now = Date.now();
  const family = db.prepare('INSERT INTO token_families (id, created) VALUES (?, ?)');
  const token = db.prepare('INSERT INTO access_tokens (jti, family_id, expires) VALUES (?, ?, ?)');
  const span = 75 * 60_000;
  db.transaction(() => {
    for (let i = 0; i < LOADED.tokens; i++) {
      const issued = now - span + Math.floor((i * span) / LOADED.tokens);
      const familyId = timeOrderedId('tfm', issued);
      family.run(familyId, issued);
      // An access token's jti begins with its expiry (from schema 0260 on; an older build indexes every token by it).
      token.run(timeOrderedId('AT.', issued + 3_600_000, 46), familyId, issued + 3_600_000);
    }
  })();
  // From schema 0220 on an event's trace and exchange are in `event_bodies` (the row keeps the rest);
  // before it (a --cli of an older build) in the row itself.
  const bodies = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'event_bodies'").get() !== undefined;
  const sample = db
    .prepare(
      bodies
        ? "SELECT events.*, body.trace, body.exchange FROM events JOIN event_bodies AS body USING (seq) WHERE endpoint = 'token' AND body.trace IS NOT NULL LIMIT 1"
        : "SELECT * FROM events WHERE endpoint = 'token' AND trace IS NOT NULL LIMIT 1",
    )
    .get();
  if (!sample) throw new Error('no token event to copy into the loaded event log');
  const inBody = bodies ? ['trace', 'exchange'] : [];
  const columns = Object.keys(sample).filter((c) => c !== 'seq' && !inBody.includes(c));
  const insert = db.prepare(
    `INSERT INTO events (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const insertBody = bodies && db.prepare('INSERT INTO event_bodies (seq, trace, exchange) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < EVENTS; i++) {
      const { lastInsertRowid } = insert.run({ ...sample, id: `evtLOADED${String(i).padStart(11, '0')}` });
      if (insertBody) insertBody.run(lastInsertRowid, sample.trace, sample.exchange);
    }
  })();
  db.close();
}
