import { describe, expect, it } from 'vitest';
import {
  EVENT_PAGE,
  NO_EVENT_FILTER,
  filterOfRoute,
  routeOfFilter,
  selectEvents,
} from '../../../src-renderer/state/events-slice.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage } from '../../../src-renderer/state/token-storage.js';
import { FakeApi, eventDto, invalidToken } from './fake-api.js';

function setup() {
  const api = new FakeApi();
  api.events = [
    eventDto('evt3'),
    eventDto('evt2', { outcome: 'failure', error: 'invalid_scope' }),
    eventDto('evt1', { serverId: 'aus1' }),
  ];
  return { api, store: createAppStore({ api, tokenStorage: memoryTokenStorage('tok') }) };
}

const ids = (store: ReturnType<typeof setup>['store']) => selectEvents(store.getState()).map((e) => e.id);

describe('events slice', () => {
  it('loads the newest events, asking for one page', async () => {
    const { store, api } = setup();
    await store.getState().loadEvents();
    expect(store.getState().eventList.status).toBe('ready');
    expect(ids(store)).toEqual(['evt3', 'evt2', 'evt1']);
    expect(api.calls).toEqual([`listEvents ${JSON.stringify({ limit: EVENT_PAGE })}`]);
    expect(store.getState().eventCursor).toBe('evt3');
  });

  it('reloads with the server, endpoint and outcome filters', async () => {
    const { store, api } = setup();
    await store.getState().loadEvents();
    await store.getState().setEventFilter({ outcome: 'failure' });
    expect(ids(store)).toEqual(['evt2']);
    await store.getState().setEventFilter({ outcome: '', serverId: 'aus1', endpoint: 'token' });
    expect(ids(store)).toEqual(['evt1']);
    expect(api.calls.at(-1)).toBe(
      `listEvents ${JSON.stringify({ serverId: 'aus1', endpoint: 'token', limit: EVENT_PAGE })}`,
    );
  });

  it('keeps the error of a failed load for the Retry banner', async () => {
    const { store, api } = setup();
    api.failNext = invalidToken();
    await store.getState().loadEvents();
    const list = store.getState().eventList;
    expect(list.status).toBe('error');
    expect(list.status === 'error' && list.error.summary).toBe('Invalid token provided');
    expect(store.getState().tokenProblem).toBe('Invalid token provided');
  });

  it('merges live events at the top once, resuming the stream after the newest listed event', async () => {
    const { store, api } = setup();
    await store.getState().loadEvents();
    const controller = new AbortController();
    const following = store.getState().followEvents(controller.signal);
    expect(api.calls.at(-1)).toBe('streamEvents {"after":"evt3"}');
    expect(store.getState().eventStream).toBe('live');

    api.emit(eventDto('evt4'));
    api.emit(eventDto('evt4'));
    api.emit(eventDto('evt5', { outcome: 'failure' }));
    expect(ids(store)).toEqual(['evt5', 'evt4', 'evt3', 'evt2', 'evt1']);
    expect(store.getState().eventCursor).toBe('evt5');

    controller.abort();
    await following;
    expect(store.getState().eventStream).toBe('offline');
    expect(api.streams).toEqual([]);
  });

  it('lets in only live events that match the filters, but keeps the others for opening', async () => {
    const { store, api } = setup();
    await store.getState().setEventFilter({ outcome: 'failure' });
    const controller = new AbortController();
    void store.getState().followEvents(controller.signal);
    api.emit(eventDto('evt4'));
    api.emit(eventDto('evt5', { outcome: 'failure' }));
    expect(ids(store)).toEqual(['evt5', 'evt2']);
    expect(store.getState().eventsById['evt4']).toBeDefined();
    controller.abort();
  });

  it('keeps live events that arrived while the list was loading', async () => {
    const { store, api } = setup();
    const loading = store.getState().loadEvents();
    store.getState().receiveEvent(eventDto('evt9'));
    await loading;
    expect(ids(store)).toEqual(['evt9', 'evt3', 'evt2', 'evt1']);
    expect(api.calls).toHaveLength(1);
  });

  it('goes offline when the stream fails, reporting an auth failure', async () => {
    const { store, api } = setup();
    const following = store.getState().followEvents(new AbortController().signal);
    api.streams[0]!.end(invalidToken());
    await following;
    expect(store.getState().eventStream).toBe('offline');
    expect(store.getState().tokenProblem).toBe('Invalid token provided');
  });

  it('shows a listed event at once and reads it again (its run is linked later), and fetches one that is not listed', async () => {
    const { store, api } = setup();
    await store.getState().loadEvents();
    api.events[1] = { ...api.events[1]!, runId: 'run7' };
    const selecting = store.getState().selectEvent('evt2');
    expect(store.getState().selectedEventId).toBe('evt2');
    expect(store.getState().eventLoads['evt2']).toBeUndefined();
    await selecting;
    expect(api.calls.at(-1)).toBe('getEvent evt2');
    expect(store.getState().eventsById['evt2']?.runId).toBe('run7');

    api.events.push(eventDto('evt0', { detail: 'old' }));
    store.getState().resetEvents();
    await store.getState().selectEvent('evt0');
    expect(store.getState().eventsById['evt0']?.detail).toBe('old');
    expect(store.getState().eventLoads['evt0']?.status).toBe('ready');
  });

  it('keeps the error of an event that cannot be fetched', async () => {
    const { store } = setup();
    await store.getState().selectEvent('evtMISSING');
    const load = store.getState().eventLoads['evtMISSING'];
    expect(load?.status === 'error' && load.error.status).toBe(404);
  });

  it('forgets the events when the admin token changes', async () => {
    const { store } = setup();
    await store.getState().loadEvents();
    store.getState().saveToken('other');
    expect(store.getState().eventIds).toEqual([]);
    expect(store.getState().eventList.status).toBe('idle');
    expect(store.getState().eventCursor).toBeNull();
  });

  it('filters by app, user and token jti, on the server and for live events', async () => {
    const { store, api } = setup();
    api.events.unshift(eventDto('evt4', { clientId: '0oaAPP', userId: '00uALICE', jtis: ['AT.1', 'ID.1'] }));
    await store.getState().setEventFilter({ clientId: '0oaAPP', userId: '00uALICE', jti: 'ID.1' });
    expect(ids(store)).toEqual(['evt4']);
    expect(api.calls.at(-1)).toBe(
      `listEvents ${JSON.stringify({ clientId: '0oaAPP', userId: '00uALICE', jti: 'ID.1', limit: EVENT_PAGE })}`,
    );
    store.getState().receiveEvent(eventDto('evt5', { clientId: '0oaAPP', userId: '00uALICE', jtis: ['AT.2'] }));
    store.getState().receiveEvent(eventDto('evt6', { clientId: '0oaAPP', userId: '00uALICE', jtis: ['ID.1'] }));
    expect(ids(store)).toEqual(['evt6', 'evt4']);
  });

  it('takes its filter from the address, reloading only when it changed', async () => {
    const { store, api } = setup();
    const fromAddress = filterOfRoute({ endpoint: 'token', outcome: 'sideways', jti: 'AT.1' });
    expect(fromAddress).toEqual({ ...NO_EVENT_FILTER, endpoint: 'token', jti: 'AT.1' });
    expect(routeOfFilter(fromAddress)).toEqual({ endpoint: 'token', jti: 'AT.1' });
    await store.getState().applyEventFilter(NO_EVENT_FILTER);
    await store.getState().applyEventFilter({ ...NO_EVENT_FILTER });
    expect(api.calls).toHaveLength(1);
    await store.getState().applyEventFilter(filterOfRoute({ outcome: 'failure' }));
    expect(ids(store)).toEqual(['evt2']);
    expect(api.calls).toHaveLength(2);
  });

  it('opens an issued token in the Token Inspector, read whole with reveal=true, with the request nonce', async () => {
    const { store, api } = setup();
    const idToken = 'eyJhbGciOiJSUzI1NiJ9.eyJub25jZSI6IllzRzc2am8ifQ.c2ln';
    api.events.unshift(
      eventDto('evt9', {
        endpoint: 'authorize',
        exchange: {
          request: {
            method: 'GET',
            path: '/oauth2/default/v1/authorize',
            query: { nonce: 'YsG76jo' },
            form: {},
            headers: {},
          },
          response: { status: 302, body: null, tokens: { id_token: idToken } },
        },
      }),
    );
    await store.getState().openEventToken({ eventId: 'evt9', name: 'id_token' });
    expect(api.sent.find((c) => c.route === 'getEvent')?.query).toEqual({ reveal: 'true' });
    expect(store.getState().inspectorInput).toMatchObject({
      token: idToken,
      nonce: 'YsG76jo',
      label: 'ID token from authorize event evt9',
    });
    expect(store.getState().eventTokenProblem).toBeNull();

    await store.getState().openEventToken({ eventId: 'evt9', name: 'access_token' });
    expect(store.getState().eventTokenProblem).toEqual({
      eventId: 'evt9',
      name: 'access_token',
      message: 'This event did not keep the token whole.',
    });
    await store.getState().openEventToken({ eventId: 'evtGONE', name: 'id_token' });
    expect(store.getState().eventTokenProblem?.message).toMatch(/Not found/);
  });
});
