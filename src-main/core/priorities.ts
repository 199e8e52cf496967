/**
 * Priority arithmetic for access policies within a server and rules within a policy. Okta keeps
 * priorities contiguous from 1: inserting or moving an item to priority N shifts the others, a
 * priority beyond the end lands last, and deleting closes the gap (Okta "Authorization Server Policies" API, "Authorization Server Rules" API).
 * Pure: the services compute the changes here and the store writes them in one transaction.
 */
import { ValidationFailed } from './errors.js';

export interface Prioritized {
  id: string;
  priority: number;
}

/** A new priority for one item; only items whose priority changes are listed. */
export interface PriorityChange {
  id: string;
  priority: number;
}

export const PRIORITY_MESSAGE = 'must be a whole number of at least 1';

/** @throws ValidationFailed naming `priority` unless `value` is a whole number ≥ 1. */
export function checkPriority(value: number, field = 'priority'): number {
  if (!Number.isInteger(value) || value < 1) throw new ValidationFailed([{ field, message: PRIORITY_MESSAGE }]);
  return value;
}

/** Ids in priority order; ties (which a consistent store never has) keep their given order. */
function ordered(items: readonly Prioritized[]): string[] {
  return items
    .map((item, index) => ({ ...item, index }))
    .sort((a, b) => a.priority - b.priority || a.index - b.index)
    .map((item) => item.id);
}

/** Numbers `ids` from 1 and reports what differs from `items`' current priorities. */
function renumber(ids: string[], items: readonly Prioritized[]): PriorityChange[] {
  const current = new Map(items.map((item) => [item.id, item.priority]));
  return ids.map((id, i) => ({ id, priority: i + 1 })).filter((change) => current.get(change.id) !== change.priority);
}

/** 0-based slot for a requested 1-based priority among `size` items; undefined or beyond the end → last. */
function slot(requested: number | undefined, size: number): number {
  if (requested === undefined) return size;
  return Math.min(checkPriority(requested), size + 1) - 1;
}

/**
 * Inserts `id` at `requested` (default: last). Returns the new item's priority and every change,
 * the new item's included. @throws ValidationFailed for a priority that is not a whole number ≥ 1
 */
export function insertAt(items: readonly Prioritized[], id: string, requested?: number): PriorityChange[] {
  const ids = ordered(items);
  ids.splice(slot(requested, ids.length), 0, id);
  return renumber(ids, items);
}

/**
 * Moves existing `id` to `requested` (undefined keeps its place): the items in between shift up
 * or down by one. @throws ValidationFailed for a priority that is not a whole number ≥ 1
 */
export function moveTo(items: readonly Prioritized[], id: string, requested?: number): PriorityChange[] {
  const ids = ordered(items);
  const from = ids.indexOf(id);
  if (from < 0) throw new Error(`moveTo: ${id} is not among the items`);
  if (requested === undefined) return renumber(ids, items);
  ids.splice(from, 1);
  ids.splice(slot(requested, ids.length), 0, id);
  return renumber(ids, items);
}

/** Removes `id` and closes the gap: the items after it move up by one. */
export function removeFrom(items: readonly Prioritized[], id: string): PriorityChange[] {
  return renumber(
    ordered(items).filter((other) => other !== id),
    items,
  );
}

/** The priority `id` ends up with in `changes`, else its current one. */
export function priorityAfter(items: readonly Prioritized[], changes: readonly PriorityChange[], id: string): number {
  const changed = changes.find((change) => change.id === id);
  const existing = items.find((item) => item.id === id);
  const priority = changed?.priority ?? existing?.priority;
  if (priority === undefined) throw new Error(`priorityAfter: ${id} is unknown`);
  return priority;
}
