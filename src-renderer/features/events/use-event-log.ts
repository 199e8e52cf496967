/**
 * The Event Log screen's data: the list for the address's filters (loaded when they change), the live stream while the screen is open, and the event the address names.
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { hrefOf } from '../../app/routes.js';
import type { EventRouteFilter } from '../../app/routes.js';
import { filterOfRoute, selectEvents } from '../../state/events-slice.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';

/** Wait before reconnecting a stream the server ended or that failed. */
export const RECONNECT_MS = 3000;

/** The list for the address's filter: loaded when the filter changes or the list was reset. */
export function useEventList(routeFilter: EventRouteFilter | undefined) {
  const store = useStoreApi();
  const load = useAppStore((s) => s.eventList);
  const events = useAppStore(useShallow(selectEvents));
  const key = hrefOf({ page: 'events', id: null, filter: routeFilter });
  useEffect(() => {
    void store.getState().applyEventFilter(filterOfRoute(routeFilter));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the filter's values
  }, [store, load.status === 'idle', key]);
  return { load, events, retry: () => void store.getState().loadEvents() };
}

/** Follows the stream once the list is in (so it resumes after the newest listed event); aborts on unmount. */
export function useLiveEvents() {
  const store = useStoreApi();
  const listed = useAppStore((s) => s.eventList.status === 'ready');
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!listed) return;
    const controller = new AbortController();
    let retry: number | undefined;
    void store
      .getState()
      .followEvents(controller.signal)
      .then(() => {
        if (!controller.signal.aborted) retry = window.setTimeout(() => setAttempt((n) => n + 1), RECONNECT_MS);
      });
    return () => {
      controller.abort();
      window.clearTimeout(retry);
    };
  }, [store, listed, attempt]);
  return useAppStore((s) => s.eventStream);
}

/** The event `id` from the address: in the store already, or fetched; deselected when the panel closes. */
export function useSelectedEvent(id: string) {
  const store = useStoreApi();
  // Read by the address's id, not the store's selection, so a new address never shows the old event.
  const event = useAppStore((s) => s.eventsById[id]);
  const load = useAppStore((s) => s.eventLoads[id]);
  useEffect(() => {
    void store.getState().selectEvent(id);
  }, [store, id]);
  useEffect(() => () => void store.getState().selectEvent(null), [store]);
  return { event, load: load ?? { status: 'idle' as const }, retry: () => void store.getState().selectEvent(id) };
}
