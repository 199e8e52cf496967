/**
 * Lists kept per owner id (a person's groups, a group's members): loading one into the store with
 * its load state, and dropping an answer that belongs to an earlier admin token.
 */
import type { ApiError } from '../api/api-error.js';
import { IDLE, LOADING, READY } from './load-state.js';
import type { LoadState } from './load-state.js';

/** What a slice needs from the session slice. */
export interface SessionNeeds {
  token: string | null;
  reportFailure(error: unknown): ApiError;
}

/** One owner's list, and where its loading is. */
export interface OwnedList<T> {
  load: LoadState;
  items: T[];
}

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
