/** An authorization server form: a draft form that, once saved, shows what the server stored. */
import type { SaveOutcome } from '../../state/servers-slice.js';
import { draftOf } from '../../state/server-draft.js';
import type { ServerDraft } from '../../state/server-draft.js';
import { useDraftForm } from '../../ui/use-draft-form.js';

export function useServerForm(initial: ServerDraft, submitDraft: (draft: ServerDraft) => Promise<SaveOutcome>) {
  const { setDraft, submit, ...form } = useDraftForm(initial, submitDraft);

  /** Resolves to the saved server, or null when the server refused the draft. */
  const submitServer = async () => {
    const outcome = await submit();
    // Show what the server stored (it trims), so the form and the saved server agree.
    if (outcome.ok) setDraft(draftOf(outcome.server));
    return outcome.ok ? outcome.server : null;
  };

  return { ...form, submit: submitServer };
}
