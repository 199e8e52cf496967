import { describe, expect, it } from 'vitest';
import { EVENT_PAGE, selectEvents } from '../../../src-renderer/state/events-slice.js';
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

  it('selects a listed event without a call, and fetches one that is not listed', async () => {
    const { store, api } = setup();
    await store.getState().loadEvents();
    await store.getState().selectEvent('evt2');
    expect(store.getState().selectedEventId).toBe('evt2');
    expect(api.calls).toHaveLength(1);

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
});
