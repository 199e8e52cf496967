import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from '../../../src-renderer/app/routes.js';

describe('routes', () => {
  it('reads the servers list from an empty or unknown fragment', () => {
    expect(parseRoute('')).toEqual({ page: 'servers' });
    expect(parseRoute('#/authorization-servers')).toEqual({ page: 'servers' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'servers' });
  });

  it('round-trips a server Settings address, encoding the id', () => {
    const route = { page: 'server', id: 'aus 1/x', tab: 'settings' } as const;
    expect(hrefOf(route)).toBe('#/authorization-servers/aus%201%2Fx/settings');
    expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it('reads the Claims and Token Preview tabs, and falls back to Settings for an unknown or missing tab', () => {
    expect(parseRoute('#/authorization-servers/default/claims')).toEqual({
      page: 'server',
      id: 'default',
      tab: 'claims',
    });
    expect(parseRoute('#/authorization-servers/default/token-preview')).toEqual({
      page: 'server',
      id: 'default',
      tab: 'token-preview',
    });
    expect(parseRoute('#/authorization-servers/default/policies')).toEqual({
      page: 'server',
      id: 'default',
      tab: 'settings',
    });
    expect(parseRoute('#/authorization-servers/default')).toEqual({ page: 'server', id: 'default', tab: 'settings' });
    expect(hrefOf({ page: 'server', id: 'aus1', tab: 'token-preview' })).toBe(
      '#/authorization-servers/aus1/token-preview',
    );
    expect(parseRoute(hrefOf({ page: 'server', id: 'aus 1', tab: 'claims' }))).toEqual({
      page: 'server',
      id: 'aus 1',
      tab: 'claims',
    });
  });

  it('reads the Access Policies and Scopes tabs, and a selected policy in the Access Policies address', () => {
    expect(parseRoute('#/authorization-servers/default/scopes')).toEqual({
      page: 'server',
      id: 'default',
      tab: 'scopes',
    });
    expect(parseRoute('#/authorization-servers/default/access-policies')).toEqual({
      page: 'server',
      id: 'default',
      tab: 'access-policies',
    });
    const selected = { page: 'server', id: 'aus 1', tab: 'access-policies', policyId: '00p 1/x' } as const;
    expect(hrefOf(selected)).toBe('#/authorization-servers/aus%201/access-policies/00p%201%2Fx');
    expect(parseRoute(hrefOf(selected))).toEqual(selected);
    // Only Access Policies has a selection; another tab's extra segment is ignored.
    expect(parseRoute('#/authorization-servers/default/scopes/00p1')).toEqual({
      page: 'server',
      id: 'default',
      tab: 'scopes',
    });
  });

  it('reads the event log and one event, and round-trips the event address', () => {
    expect(parseRoute('#/events')).toEqual({ page: 'events', id: null });
    expect(parseRoute('#/events/evt123')).toEqual({ page: 'events', id: 'evt123' });
    expect(hrefOf({ page: 'events', id: null })).toBe('#/events');
    expect(parseRoute(hrefOf({ page: 'events', id: 'evt 1' }))).toEqual({ page: 'events', id: 'evt 1' });
  });

  it('keeps the Event Log filters in the query of the address, known names only', () => {
    const filter = { endpoint: 'device/authorize', jti: 'AT.a b', outcome: 'failure' };
    const href = hrefOf({ page: 'events', id: 'evt1', filter });
    expect(href).toBe('#/events/evt1?endpoint=device%2Fauthorize&outcome=failure&jti=AT.a+b');
    expect(parseRoute(href)).toEqual({ page: 'events', id: 'evt1', filter });
    expect(parseRoute('#/events?clientId=0oa1&color=red&userId=')).toEqual({
      page: 'events',
      id: null,
      filter: { clientId: '0oa1' },
    });
    expect(hrefOf({ page: 'events', id: null, filter: { serverId: '' } })).toBe('#/events');
  });

  it('reads the Applications list and an app’s General and Assignments tabs, General for an unknown tab', () => {
    expect(parseRoute('#/applications')).toEqual({ page: 'apps' });
    expect(hrefOf({ page: 'apps' })).toBe('#/applications');
    expect(parseRoute('#/applications/0oa1/assignments')).toEqual({ page: 'app', id: '0oa1', tab: 'assignments' });
    expect(parseRoute('#/applications/0oa1')).toEqual({ page: 'app', id: '0oa1', tab: 'general' });
    expect(parseRoute('#/applications/0oa1/sign-on')).toEqual({ page: 'app', id: '0oa1', tab: 'general' });
    const route = { page: 'app', id: '0oa 1/x', tab: 'general' } as const;
    expect(hrefOf(route)).toBe('#/applications/0oa%201%2Fx/general');
    expect(parseRoute(hrefOf(route))).toEqual(route);
  });
});
