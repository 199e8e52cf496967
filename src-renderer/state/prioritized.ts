/**
 * Lists the server keeps in priority order (access policies, and the rules of each): what a move
 * looks like before the server answers. Okta keeps priorities contiguous from 1, so a move shifts
 * the ones in between (Okta Authorization Servers API, "Policy priority and ordering").
 */
import type { LoadState } from './load-state.js';

/** A loaded list and where its loading is. */
export interface LoadedList<T> {
  load: LoadState;
  items: T[];
}

export interface Prioritized {
  id: string;
  priority: number;
}

/** `items` with `id` moved to `priority` (1 = first, clamped to the list) and renumbered from 1. */
export function movedTo<T extends Prioritized>(items: readonly T[], id: string, priority: number): T[] {
  const moving = items.find((item) => item.id === id);
  if (!moving) return [...items];
  const rest = items.filter((item) => item.id !== id);
  const at = Math.min(Math.max(priority, 1), items.length) - 1;
  return [...rest.slice(0, at), moving, ...rest.slice(at)].map((item, index) => ({ ...item, priority: index + 1 }));
}

/** The priority one step up (-1) or down (+1), or null at either end of the list. */
export function stepped(items: readonly Prioritized[], id: string, step: -1 | 1): number | null {
  const index = items.findIndex((item) => item.id === id);
  const target = index + step;
  return index < 0 || target < 0 || target >= items.length ? null : target + 1;
}
