/**
 * "Limit access to selected groups" of Create App Integration: search the groups and tick the ones
 * the new app is assigned to. Ticked groups stay listed while the search moves on.
 */
import type { GroupDto } from '../../../src-main/contracts/group.js';
import { useAppStore } from '../../state/store-context.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { TextField } from '../../ui/field.js';
import { useDirectorySearch } from './use-directory-search.js';

export function GroupChecklist({ chosen, onChange }: { chosen: string[]; onChange: (groupIds: string[]) => void }) {
  const search = useDirectorySearch('groups');
  const groupNames = useAppStore((s) => s.groupNames);
  const found = search.items.map((g: GroupDto) => g.id);
  const ids = [...new Set([...chosen, ...found])];
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((g) => g !== id));
  return (
    <div className="picker">
      <TextField
        label="Search groups"
        type="search"
        value={search.text}
        onChange={(e) => search.setText(e.target.value)}
      />
      {search.error && (
        <ErrorBanner title="Could not search the groups." onRetry={search.retry}>
          {search.error.summary}
        </ErrorBanner>
      )}
      <div className="picker__choices" role="group" aria-label="Groups to assign">
        {ids.length === 0 && !search.running && <p className="field__hint">No group matches.</p>}
        {ids.map((id) => (
          <label key={id} className="check">
            <input type="checkbox" checked={chosen.includes(id)} onChange={(e) => toggle(id, e.target.checked)} />
            <span>{groupNames[id] ?? id}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
