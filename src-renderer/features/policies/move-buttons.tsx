/** Move up / Move down for one item of a priority list, named after the item for assistive tech. */
import { Button } from '../../ui/button.js';

export interface MoveButtonsProps {
  name: string;
  first: boolean;
  last: boolean;
  busy: boolean;
  onUp: () => void;
  onDown: () => void;
}

export function MoveButtons({ name, first, last, busy, onUp, onDown }: MoveButtonsProps) {
  return (
    <span className="move-buttons">
      <Button variant="ghost" aria-label={`Move ${name} up`} title="Move up" disabled={first || busy} onClick={onUp}>
        ↑
      </Button>
      <Button
        variant="ghost"
        aria-label={`Move ${name} down`}
        title="Move down"
        disabled={last || busy}
        onClick={onDown}
      >
        ↓
      </Button>
    </span>
  );
}
