/**
 * A list answer merged with what the page learnt while that list request was out. The first `/api`
 * request of a start also builds the API (a second or more on a busy machine), so a user can create
 * an item before the list asked for earlier answers: taken as it is, that older list would drop the
 * new item (and leave its page loading for good) or bring back one just deleted. Items created,
 * replaced, read or deleted one by one after the list request started stay as those later answers
 * left them; every other item is as the list says.
 */
export class ListFreshness {
  private clock = 0;
  /** When each id was last answered one by one, and whether that answer deleted it. */
  private readonly changed = new Map<string, { at: number; deleted: boolean }>();

  /** `id` was just created, replaced or read by itself. */
  touched(id: string): void {
    this.changed.set(id, { at: ++this.clock, deleted: false });
  }

  /** `id` was just deleted. */
  deleted(id: string): void {
    this.changed.set(id, { at: ++this.clock, deleted: true });
  }

  /** Call as a list request starts; hand the result to `merge` with its answer. */
  started(): number {
    return this.clock;
  }

  /**
   * The ids and items to keep for a list answer `listed` whose request started at `since`: the
   * list's order, without what was deleted since, with what was answered since as `current` has it
   * (an item created since goes last, as the API lists new ones).
   */
  merge<T extends { id: string }>(
    since: number,
    listed: T[],
    current: Record<string, T>,
  ): { ids: string[]; byId: Record<string, T> } {
    const newer = (id: string) => {
      const change = this.changed.get(id);
      return change !== undefined && change.at > since ? change : undefined;
    };
    const byId: Record<string, T> = {};
    const ids: string[] = [];
    for (const item of listed) {
      const change = newer(item.id);
      if (change?.deleted) continue;
      byId[item.id] = change && current[item.id] ? current[item.id]! : item;
      ids.push(item.id);
    }
    for (const [id, change] of this.changed) {
      if (change.at > since && !change.deleted && !(id in byId) && current[id]) {
        byId[id] = current[id]!;
        ids.push(id);
      }
    }
    return { ids, byId };
  }
}
