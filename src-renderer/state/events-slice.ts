/**
 * The protocol event log: the newest events for the chosen filters, live ones merged in at the top
 * (deduplicated by id) from the sandbox stream, and the event the user opened.
 */
import type { IssuedJwts } from '../../src-main/contracts/events.js';
import { routes } from '../../src-main/contracts/routes.js';
import type { EventFilter, EventOutcome, ProtocolEventDto } from '../api/event-dto.js';
import type { EventRouteFilter } from '../app/routes.js';
import type { AppState, SliceCreator } from './app-state.js';
import { IDLE, LOADING, READY } from './load-state.js';
import type { LoadState } from './load-state.js';

const TOKEN_WORDS: Record<keyof IssuedJwts, string> = { access_token: 'Access token', id_token: 'ID token' };

/** How many events a (re)load asks for. */
export const EVENT_PAGE = 50;
/** Live events beyond this many rows push the oldest out, so a busy session stays light. */
export const MAX_EVENT_ROWS = 500;

/** The list filters; '' means "any". `clientId` is the app's, `jti` a token's (events that issued or presented it). */
export interface EventLogFilter {
  serverId: string;
  clientId: string;
  userId: string;
  endpoint: string;
  outcome: '' | EventOutcome;
  jti: string;
}

/** The token an event issued, as the Event Log opens it in the Token Inspector. */
export interface EventTokenRef {
  eventId: string;
  name: keyof IssuedJwts;
}

export type StreamState = 'offline' | 'connecting' | 'live';

export interface EventsSlice {
  /** Newest first; the objects live in `eventsById` (which also keeps opened ones the filter hides). */
  eventIds: string[];
  eventsById: Record<string, ProtocolEventDto>;
  eventList: LoadState;
  eventFilter: EventLogFilter;
  eventStream: StreamState;
  /** The newest event id this session has seen: where a reconnecting stream resumes. */
  eventCursor: string | null;
  selectedEventId: string | null;
  /** Per id: fetching one event that is not in the list (a deep link `#/events/<id>`). */
  eventLoads: Record<string, LoadState>;
  /** Why the last "Open in Token Inspector" on an event's token failed, until the next one. */
  eventTokenProblem: (EventTokenRef & { message: string }) | null;
  loadEvents(): Promise<void>;
  setEventFilter(change: Partial<EventLogFilter>): Promise<void>;
  /** Shows the list for `filter` (the address's): reloads only when it differs from the shown one. */
  applyEventFilter(filter: EventLogFilter): Promise<void>;
  /** Reads the event's issued JWT whole (`reveal=true`) and opens it in the Token Inspector. */
  openEventToken(ref: EventTokenRef): Promise<void>;
  receiveEvent(event: ProtocolEventDto): void;
  selectEvent(id: string | null): Promise<void>;
  /** Follows the live stream until it ends, fails or `signal` aborts; then the stream is offline. */
  followEvents(signal: AbortSignal): Promise<void>;
  resetEvents(): void;
}

export const NO_EVENT_FILTER: EventLogFilter = {
  serverId: '',
  clientId: '',
  userId: '',
  endpoint: '',
  outcome: '',
  jti: '',
};

const FILTER_NAMES = Object.keys(NO_EVENT_FILTER) as (keyof EventLogFilter)[];

/** The filter an address names; an outcome other than success or failure means any. */
export function filterOfRoute(route: EventRouteFilter = {}): EventLogFilter {
  const outcome = route.outcome === 'success' || route.outcome === 'failure' ? route.outcome : '';
  return { ...NO_EVENT_FILTER, ...route, outcome };
}

/** The address's form of `filter`: only the filters that are set. */
export function routeOfFilter(filter: EventLogFilter): EventRouteFilter {
  return Object.fromEntries(FILTER_NAMES.filter((name) => filter[name] !== '').map((name) => [name, filter[name]]));
}

export const sameFilter = (a: EventLogFilter, b: EventLogFilter): boolean =>
  FILTER_NAMES.every((name) => a[name] === b[name]);

const initial = {
  eventIds: [],
  eventsById: {},
  eventList: IDLE,
  eventFilter: NO_EVENT_FILTER,
  eventStream: 'offline',
  eventCursor: null,
  selectedEventId: null,
  eventLoads: {},
  eventTokenProblem: null,
} satisfies Partial<EventsSlice>;

export const isFiltered = (filter: EventLogFilter): boolean => Object.values(filter).some((value) => value !== '');

/** True when `event` passes every filter that is set. */
export function matchesFilter(event: ProtocolEventDto, filter: EventLogFilter): boolean {
  return (
    (filter.serverId === '' || event.serverId === filter.serverId) &&
    (filter.clientId === '' || event.clientId === filter.clientId) &&
    (filter.userId === '' || event.userId === filter.userId) &&
    (filter.endpoint === '' || event.endpoint === filter.endpoint) &&
    (filter.outcome === '' || event.outcome === filter.outcome) &&
    (filter.jti === '' || event.jtis.includes(filter.jti))
  );
}

/** The list request for `filter`: only the filters that are set, and one page. */
export function toApiFilter(filter: EventLogFilter): EventFilter {
  return { ...routeOfFilter(filter), limit: EVENT_PAGE } as EventFilter;
}

/** `event` at the top of the list (once), if the filter lets it in. */
function merge(state: AppState, event: ProtocolEventDto): Partial<AppState> {
  const eventsById = { ...state.eventsById, [event.id]: event };
  if (state.eventIds.includes(event.id) || !matchesFilter(event, state.eventFilter)) return { eventsById };
  return { eventsById, eventIds: [event.id, ...state.eventIds].slice(0, MAX_EVENT_ROWS) };
}

export const createEventsSlice: SliceCreator<EventsSlice> =
  ({ api }) =>
  (set, get) => {
    const stale = (token: string | null) => get().token !== token;

    return {
      ...initial,
      async loadEvents() {
        const token = get().token;
        const filter = get().eventFilter;
        set({ eventList: LOADING });
        try {
          const events = await api.call(routes.listEvents, {}, toApiFilter(filter));
          if (stale(token) || get().eventFilter !== filter) return;
          set((state) => {
            // Live events that arrived while the list was on its way stay on top.
            const listed = new Set(events.map((e) => e.id));
            const live = state.eventIds.filter((id) => !listed.has(id));
            return {
              eventIds: [...live, ...events.map((e) => e.id)],
              eventsById: { ...state.eventsById, ...Object.fromEntries(events.map((e) => [e.id, e])) },
              eventList: READY,
              eventCursor: state.eventCursor ?? events[0]?.id ?? null,
            };
          });
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (!stale(token) && get().eventFilter === filter) set({ eventList: { status: 'error', error: apiError } });
        }
      },
      async setEventFilter(change) {
        set((state) => ({ eventFilter: { ...state.eventFilter, ...change }, eventIds: [] }));
        await get().loadEvents();
      },
      async applyEventFilter(filter) {
        if (sameFilter(get().eventFilter, filter) && get().eventList.status !== 'idle') return;
        set({ eventFilter: filter, eventIds: [] });
        await get().loadEvents();
      },
      async openEventToken(ref) {
        set({ eventTokenProblem: null });
        try {
          const event = await api.call(routes.getEvent, { id: ref.eventId }, { reveal: 'true' });
          const token = event.exchange?.response.tokens?.[ref.name];
          if (!token) {
            set({ eventTokenProblem: { ...ref, message: 'This event did not keep the token whole.' } });
            return;
          }
          const nonce = ref.name === 'id_token' ? event.exchange?.request.query['nonce'] : undefined;
          await get().openInInspector({
            token,
            nonce,
            label: `${TOKEN_WORDS[ref.name]} from ${event.endpoint} event ${event.id}`,
          });
        } catch (error) {
          set({ eventTokenProblem: { ...ref, message: get().reportFailure(error).summary } });
        }
      },
      receiveEvent(event) {
        set((state) => ({ ...merge(state, event), eventCursor: event.id }));
      },
      async selectEvent(id) {
        set({ selectedEventId: id });
        if (id === null || get().eventLoads[id]?.status === 'loading') return;
        const token = get().token;
        // A listed event is shown at once and read again: a run links the events of its step only
        // once the step is saved, after the stream sent them.
        if (!(id in get().eventsById)) set((state) => ({ eventLoads: { ...state.eventLoads, [id]: LOADING } }));
        try {
          const event = await api.call(routes.getEvent, { id });
          if (stale(token)) return;
          set((state) => ({
            eventsById: { ...state.eventsById, [id]: event },
            eventLoads: { ...state.eventLoads, [id]: READY },
          }));
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (!stale(token))
            set((state) => ({ eventLoads: { ...state.eventLoads, [id]: { status: 'error', error: apiError } } }));
        }
      },
      async followEvents(signal) {
        const token = get().token;
        set({ eventStream: 'connecting' });
        try {
          await api.stream(
            routes.streamEvents,
            {},
            {
              ...(get().eventCursor ? { query: { after: get().eventCursor! } } : {}),
              signal,
              onOpen: () => {
                if (!stale(token)) set({ eventStream: 'live' });
              },
              onMessage: (event) => {
                if (!stale(token)) get().receiveEvent(event);
              },
            },
          );
        } catch (error) {
          get().reportFailure(error);
        }
        if (!stale(token)) set({ eventStream: 'offline' });
      },
      resetEvents: () => set(initial),
    };
  };

/** The listed events, newest first (use with useShallow: it builds a new array). */
export const selectEvents = (state: AppState): ProtocolEventDto[] =>
  state.eventIds.flatMap((id) => state.eventsById[id] ?? []);

export const selectSelectedEvent = (state: AppState): ProtocolEventDto | undefined =>
  state.selectedEventId === null ? undefined : state.eventsById[state.selectedEventId];
