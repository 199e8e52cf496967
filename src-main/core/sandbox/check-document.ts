/**
 * Checks a sandbox document beyond its shape, all at once: names each kind of record must keep
 * unique, what records reference (apps, users, groups, scopes) existing in the document — or, when
 * merging, in the sandbox — Okta's lifetime ranges and grant types for rules, the claim expressions,
 * and the app rules the Apps API applies. Every fault carries the JSON path of what is wrong.
 */
import { SECRET_METHODS } from '../../contracts/app.js';
import { validateApp } from '../../contracts/app-rules.js';
import { EVERYONE_GROUP_ID } from '../../contracts/group.js';
import { ANY_SCOPE, EVERYONE } from '../../contracts/rule.js';
import { scopeNameProblem } from '../../contracts/scope.js';
import type { DocumentFault, SandboxApp, SandboxDocument } from '../../contracts/sandbox-document.js';
import { validateClaimValue } from '../claims.js';
import type { SandboxSnapshot } from '../ports/sandbox.js';
import { SYSTEM_SCOPE_DEFINITIONS } from '../scopes.js';
import { isOktaApiScope } from '../org-server.js';

/** What a merge may reference besides the document itself. */
export interface Existing {
  clientIds: Set<string>;
  userIds: Set<string>;
  groupIds: Set<string>;
}

export function existingOf(snapshot: SandboxSnapshot | undefined): Existing {
  return {
    clientIds: new Set(snapshot?.apps.map((a) => a.app.clientId)),
    userIds: new Set(snapshot?.users.map((u) => u.id)),
    groupIds: new Set(snapshot?.groups.map((g) => g.group.id)),
  };
}

const quoted = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** Faults of a document whose ids are set (`withIds`); empty when it can be written. */
export function checkDocument(doc: SandboxDocument, existing: Existing): DocumentFault[] {
  const faults: DocumentFault[] = [];
  const fault = (path: string, message: string) => faults.push({ path, message });
  const unique = <T>(items: T[], key: (item: T) => string | undefined, path: (i: number) => string, what: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const value = key(item);
      if (value === undefined) return;
      const first = seen.get(value);
      if (first === undefined) seen.set(value, i);
      else fault(path(i), `${what} '${value}' is used twice (first at ${path(first)})`);
    });
  };

  const clientIds = new Set([...existing.clientIds, ...doc.apps.map((a) => a.clientId)]);
  const userIds = new Set([...existing.userIds, ...doc.users.map((u) => u.id ?? '')]);
  const groupIds = new Set([...existing.groupIds, ...doc.groups.map((g) => g.id ?? ''), EVERYONE_GROUP_ID, EVERYONE]);
  const missing = (path: string, names: string[], known: Set<string>, what: string) => {
    const absent = names.filter((n) => !known.has(n));
    if (absent.length) fault(path, `no ${what} ${quoted(absent)} in the document or the sandbox`);
  };

  unique(
    doc.servers,
    (s) => s.id,
    (i) => `$.servers[${i}].id`,
    'the id',
  );
  unique(
    doc.servers,
    (s) => s.name,
    (i) => `$.servers[${i}].name`,
    'the name',
  );
  doc.servers.forEach((server, s) => {
    const at = `$.servers[${s}]`;
    const systemNames = new Set(SYSTEM_SCOPE_DEFINITIONS.map((d) => d.name));
    const scopeNames = new Set([...systemNames, ...server.scopes.map((x) => x.name)]);
    unique(
      server.scopes,
      (x) => x.id,
      (i) => `${at}.scopes[${i}].id`,
      'the id',
    );
    unique(
      server.scopes,
      (x) => x.name,
      (i) => `${at}.scopes[${i}].name`,
      'the scope name',
    );
    server.scopes.forEach((scope, i) => {
      const problem = systemNames.has(scope.name) ? undefined : scopeNameProblem(scope.name);
      if (problem) fault(`${at}.scopes[${i}].name`, problem);
    });
    unique(
      server.claims,
      (x) => x.id,
      (i) => `${at}.claims[${i}].id`,
      'the id',
    );
    unique(
      server.claims,
      (x) => `${x.claimType} claim ${x.name}`,
      (i) => `${at}.claims[${i}].name`,
      'the',
    );
    server.claims.forEach((claim, i) => {
      if (!claim.system) {
        const issue = validateClaimValue({
          value: claim.value,
          valueType: claim.valueType === 'GROUPS' ? 'GROUPS' : 'EXPRESSION',
          group_filter_type: claim.groupFilterType ?? undefined,
        });
        if (issue) fault(`${at}.claims[${i}].value`, issue.message);
        if (claim.valueType === 'SYSTEM') fault(`${at}.claims[${i}].valueType`, 'SYSTEM is for system claims only');
      }
      missing(`${at}.claims[${i}].conditionScopes`, claim.conditionScopes, scopeNames, 'scope named');
    });
    unique(
      server.policies,
      (x) => x.id,
      (i) => `${at}.policies[${i}].id`,
      'the id',
    );
    unique(
      server.policies,
      (x) => String(x.priority),
      (i) => `${at}.policies[${i}].priority`,
      'the priority',
    );
    server.policies.forEach((policy, p) => {
      const pat = `${at}.policies[${p}]`;
      if (!policy.allClients && policy.clientIds.length === 0)
        fault(`${pat}.clientIds`, 'must name at least one client id, or set allClients to true');
      missing(`${pat}.clientIds`, policy.clientIds, clientIds, 'app with client id');
      unique(
        policy.rules,
        (x) => x.id,
        (i) => `${pat}.rules[${i}].id`,
        'the id',
      );
      unique(
        policy.rules,
        (x) => String(x.priority),
        (i) => `${pat}.rules[${i}].priority`,
        'the priority',
      );
      policy.rules.forEach((rule, r) => {
        const rat = `${pat}.rules[${r}]`;
        if (!(rule.scopes.length === 1 && rule.scopes[0] === ANY_SCOPE))
          missing(`${rat}.scopes`, rule.scopes, scopeNames, 'scope named');
        missing(`${rat}.userIds`, [...rule.userIds.include, ...rule.userIds.exclude], userIds, 'user with id');
        missing(`${rat}.groupIds`, [...rule.groupIds.include, ...rule.groupIds.exclude], groupIds, 'group with id');
        if (rule.refreshTokenMinutes !== 0 && rule.refreshTokenMinutes < rule.refreshWindowMinutes)
          fault(`${rat}.refreshTokenMinutes`, 'must be 0 (unlimited) or at least refreshWindowMinutes');
      });
    });
  });

  unique(
    doc.apps,
    (a) => a.id,
    (i) => `$.apps[${i}].id`,
    'the id',
  );
  unique(
    doc.apps,
    (a) => a.clientId,
    (i) => `$.apps[${i}].clientId`,
    'the client id',
  );
  const grantPaths = doc.apps.flatMap((app, a) =>
    app.grants.map((g, i) => ({ id: g.id, path: `$.apps[${a}].grants[${i}].id` })),
  );
  unique(
    grantPaths,
    (g) => g.id,
    (i) => grantPaths[i]!.path,
    'the id',
  );
  doc.apps.forEach((app, a) => {
    const at = `$.apps[${a}]`;
    for (const issue of appIssues(app)) fault(`${at}.${issue.field}`, issue.message);
    if (SECRET_METHODS.includes(app.authMethod) && !app.clientSecret)
      fault(`${at}.clientSecret`, `${app.authMethod} needs a client secret of at least 14 characters`);
    missing(
      `${at}.users`,
      app.users.map((u) => u.userId),
      userIds,
      'user with id',
    );
    missing(
      `${at}.groups`,
      app.groups.map((g) => g.groupId),
      groupIds,
      'group with id',
    );
    unique(
      app.users,
      (u) => u.userId,
      (i) => `${at}.users[${i}].userId`,
      'the user',
    );
    unique(
      app.groups,
      (g) => g.groupId,
      (i) => `${at}.groups[${i}].groupId`,
      'the group',
    );
    // The Application Grants API's rule: only Okta API scopes the org offers.
    app.grants.forEach((grant, i) => {
      if (!isOktaApiScope(grant.scopeId))
        fault(`${at}.grants[${i}].scopeId`, `'${grant.scopeId}' is not an Okta API scope this org offers`);
    });
    unique(
      app.grants,
      (g) => g.scopeId,
      (i) => `${at}.grants[${i}].scopeId`,
      'the scope',
    );
  });

  unique(
    doc.users,
    (u) => u.id,
    (i) => `$.users[${i}].id`,
    'the id',
  );
  unique(
    doc.users,
    (u) => u.profile.login.toLowerCase(),
    (i) => `$.users[${i}].profile.login`,
    'the login',
  );
  doc.users.forEach((user, u) => {
    if (user.password !== undefined && user.passwordHash)
      fault(`$.users[${u}].password`, 'give either password or passwordHash, not both');
  });

  unique(
    doc.groups,
    (g) => g.id,
    (i) => `$.groups[${i}].id`,
    'the id',
  );
  unique(
    doc.groups,
    (g) => g.name.toLowerCase(),
    (i) => `$.groups[${i}].name`,
    'the name',
  );
  doc.groups.forEach((group, g) => {
    if (group.id === EVERYONE_GROUP_ID) fault(`$.groups[${g}].id`, 'Everyone is built in and cannot be imported');
    missing(`$.groups[${g}].members`, group.members, userIds, 'user with id');
  });
  return faults;
}

/** The Apps API's own rules (grants per application type, redirect URIs, auth methods), on the document's app. */
function appIssues(app: SandboxApp): { field: string; message: string }[] {
  const result = validateApp({
    name: 'oidc_client',
    label: app.label,
    signOnMode: 'OPENID_CONNECT',
    credentials: {
      oauthClient: {
        client_id: app.clientId,
        ...(app.clientSecret ? { client_secret: app.clientSecret } : {}),
        token_endpoint_auth_method: app.authMethod,
        autoKeyRotation: app.autoKeyRotation,
        pkce_required: app.pkceRequired,
      },
    },
    settings: { oauthClient: { ...app.oauthClient, application_type: app.applicationType } },
  });
  if (result.ok) return [];
  // The API names fields by the Okta body; the document keeps the app's settings under oauthClient.
  return result.issues.map((issue) => ({
    field: issue.field
      .replace(/^settings\.oauthClient/, 'oauthClient')
      .replace(/^credentials\.oauthClient\.client_id/, 'clientId')
      .replace(/^credentials\.oauthClient\.client_secret/, 'clientSecret')
      .replace(/^credentials\.oauthClient\.token_endpoint_auth_method/, 'authMethod')
      .replace(/^credentials\.oauthClient\.pkce_required/, 'pkceRequired'),
    message: issue.message,
  }));
}
