/**
 * One mechanism for the lists a slice keeps per key (a server's policies, a policy's rules, a
 * person's groups, a group's members): load them, dropping an answer that belongs to an earlier
 * admin token; reload after a write so the list shows what the server answers; and reorder them at
 * once with the new priority saved through the API — put back as it was when the save fails.
 */
import type { ApiError } from '../api/api-error.js';
import type { ActionOutcome } from './load-state.js';
import { IDLE, LOADING, READY } from './load-state.js';
import { movedTo } from './prioritized.js';
import type { LoadedList, Prioritized } from './prioritized.js';

/** What every slice gets from the session slice. */
export interface SessionNeeds {
  token: string | null;
  reportFailure(error: unknown): ApiError;
}

/** One owner's list, and where its loading is. */
export type OwnedList<T> = LoadedList<T>;

/** Fetches `owner`'s list into the lists `read` gives and `write` stores; a failure becomes that list's error. */
export async function loadKeyedList<T>(
  session: () => SessionNeeds,
  read: () => Record<string, OwnedList<T>>,
  write: (lists: Record<string, OwnedList<T>>) => void,
  owner: string,
  fetch: () => Promise<T[]>,
): Promise<void> {
  const token = session().token;
  const put = (change: Partial<OwnedList<T>>) => {
    const lists = read();
    write({ ...lists, [owner]: { ...(lists[owner] ?? { load: IDLE, items: [] }), ...change } });
  };
  put({ load: LOADING });
  try {
    const items = await fetch();
    if (session().token === token) put({ load: READY, items });
  } catch (error) {
    const apiError = session().reportFailure(error);
    if (session().token === token) put({ load: { status: 'error', error: apiError } });
  }
}

/** `byId` without the entry `id` (one that was deleted). */
export function without<T>(byId: Record<string, T>, id: string): Record<string, T> {
  const { [id]: _gone, ...rest } = byId;
  return rest;
}

export interface KeyedLists<T> {
  list(key: string): LoadedList<T>;
  /** Loads (or reloads) the list; a failure stays on the list for the Retry banner. */
  load(key: string): Promise<void>;
  /** Runs a write, then reloads the list; the write's failure is the outcome (the list is left as it is). */
  write<R>(key: string, call: () => Promise<R>): Promise<{ ok: true; value: R } | { ok: false; error: ApiError }>;
  /** Shows `id` at `priority` at once, saves it with `save`, then shows the server's list (or the old one, on failure). */
  move(key: string, id: string, priority: number, save: (item: T) => Promise<unknown>): Promise<ActionOutcome>;
}

export function keyedLists<T extends Prioritized>(
  session: () => SessionNeeds,
  read: () => Record<string, LoadedList<T>>,
  write: (lists: Record<string, LoadedList<T>>) => void,
  fetch: (key: string) => Promise<T[]>,
): KeyedLists<T> {
  const list = (key: string): LoadedList<T> => read()[key] ?? { load: IDLE, items: [] };
  const put = (key: string, change: Partial<LoadedList<T>>) => write({ ...read(), [key]: { ...list(key), ...change } });
  const load = (key: string) => loadKeyedList(session, read, write, key, () => fetch(key));

  return {
    list,
    load,
    async write(key, call) {
      try {
        const value = await call();
        await load(key);
        return { ok: true, value };
      } catch (error) {
        // The list stays as it is, so the refusal can be read beside what it is about.
        return { ok: false, error: session().reportFailure(error) };
      }
    },
    async move(key, id, priority, save) {
      const before = list(key).items;
      const item = before.find((i) => i.id === id);
      if (!item) return { ok: true };
      put(key, { items: movedTo(before, id, priority) });
      try {
        await save(item);
      } catch (error) {
        put(key, { items: before });
        return { ok: false, error: session().reportFailure(error) };
      }
      await load(key);
      return { ok: true };
    },
  };
}
