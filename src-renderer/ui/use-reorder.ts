/**
 * Reordering a priority list by drag and drop (HTML5 DnD) and by keyboard (Alt+↑ / Alt+↓ on a
 * focused item, or its Move up / Move down buttons). The move is the owner's: it saves the new
 * priority and the list re-renders in the server's order; focus follows the moved item.
 */
import { useEffect, useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import type { Prioritized } from '../state/prioritized.js';
import { stepped } from '../state/prioritized.js';

/** The attribute that marks an item's focus target, so focus can follow it after a move. */
const HANDLE = 'data-reorder-handle';

export function useReorder(items: readonly Prioritized[], onMove: (id: string, priority: number) => void) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  /** The item moved by keyboard, whose handle keeps the focus once the list re-renders. */
  const [follow, setFollow] = useState<string | null>(null);

  const order = items.map((i) => i.id).join(' ');
  useEffect(() => {
    if (!follow) return;
    const target = [...document.querySelectorAll<HTMLElement>(`[${HANDLE}]`)].find(
      (el) => el.getAttribute(HANDLE) === follow,
    );
    if (target && document.activeElement !== target) target.focus();
  }, [order, follow]);

  const step = (id: string, by: -1 | 1) => {
    const priority = stepped(items, id, by);
    if (priority === null) return;
    setFollow(id);
    onMove(id, priority);
  };

  return {
    dragging,
    /** Props of one draggable item. */
    itemProps: (item: Prioritized) => ({
      draggable: true,
      'data-drop-target': over === item.id && dragging !== item.id ? 'true' : undefined,
      onDragStart: (event: DragEvent) => {
        setFollow(null);
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', item.id);
        setDragging(item.id);
      },
      onDragOver: (event: DragEvent) => {
        if (!dragging) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(item.id);
      },
      onDrop: (event: DragEvent) => {
        event.preventDefault();
        const id = dragging ?? event.dataTransfer.getData('text/plain');
        setDragging(null);
        setOver(null);
        if (id && id !== item.id) onMove(id, item.priority);
      },
      onDragEnd: () => {
        setDragging(null);
        setOver(null);
      },
    }),
    /** Props of the item's focus target (a link or the row's first button): Alt+↑ / Alt+↓ move it. */
    handleProps: (item: Prioritized) => ({
      [HANDLE]: item.id,
      onKeyDown: (event: KeyboardEvent) => {
        if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
        event.preventDefault();
        step(item.id, event.key === 'ArrowUp' ? -1 : 1);
      },
    }),
    moveUp: (id: string) => step(id, -1),
    moveDown: (id: string) => step(id, 1),
  };
}
