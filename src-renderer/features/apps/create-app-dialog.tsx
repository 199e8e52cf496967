/**
 * Create App Integration, as Okta's wizard: first the sign-in method (OIDC) and the application
 * type, then that type's settings and who is assigned → Save. The server validates; its causes
 * appear under the fields they name and nothing typed is lost. On success the new app opens.
 */
import { useId, useState } from 'react';
import type { AppDto, ApplicationType } from '../../../src-main/contracts/app.js';
import type { ApiError } from '../../api/api-error.js';
import { emptyAppDraft } from '../../state/app-draft.js';
import type { AppDraft } from '../../state/app-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { FormDialog } from '../../ui/form-dialog.js';
import { Modal } from '../../ui/modal.js';
import { useDraftForm } from '../../ui/use-draft-form.js';
import { AppFields } from './app-fields.js';
import { APP_TYPE_CHOICES, APP_TYPE_WORDS } from './app-words.js';
import { AssignmentFields } from './assignment-fields.js';

export interface CreateAppDialogProps {
  onClose: () => void;
  onCreated: (app: AppDto) => void;
}

export function CreateAppDialog({ onClose, onCreated }: CreateAppDialogProps) {
  const [type, setType] = useState<ApplicationType | null>(null);
  const [picked, setPicked] = useState<ApplicationType>('web');
  const [created, setCreated] = useState<{ app: AppDto; error: ApiError } | null>(null);
  // What was typed for each type, so Back and Next again lose nothing.
  const [drafts, setDrafts] = useState<Partial<Record<ApplicationType, AppDraft>>>({});
  if (created) return <AssignmentFailed app={created.app} error={created.error} onClose={onClose} onOpen={onCreated} />;
  if (type === null)
    return <TypeStep picked={picked} onPick={setPicked} onNext={() => setType(picked)} onClose={onClose} />;
  return (
    <SettingsStep
      key={type}
      initial={drafts[type] ?? emptyAppDraft(type)}
      onBack={(draft) => {
        setDrafts((current) => ({ ...current, [type]: draft }));
        setType(null);
      }}
      onClose={onClose}
      onCreated={(app, error) => (error ? setCreated({ app, error }) : onCreated(app))}
    />
  );
}

function TypeStep({
  picked,
  onPick,
  onNext,
  onClose,
}: {
  picked: ApplicationType;
  onPick: (type: ApplicationType) => void;
  onNext: () => void;
  onClose: () => void;
}) {
  const name = useId();
  return (
    <Modal title="Create a new app integration" onClose={onClose} wide>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          onNext();
        }}
      >
        <fieldset className="fieldset">
          <legend className="field__label">Sign-in method</legend>
          <label className="check">
            <input type="radio" name={`${name}-method`} checked readOnly />
            <span>OIDC - OpenID Connect</span>
          </label>
          <p className="field__hint">Token-based OAuth 2.0 authentication; Authbox models OpenID Connect apps only.</p>
        </fieldset>
        <fieldset className="fieldset">
          <legend className="field__label">Application type</legend>
          {APP_TYPE_CHOICES.map((choice) => (
            <label key={choice.type} className="check check--described">
              <input
                type="radio"
                name={`${name}-type`}
                checked={picked === choice.type}
                onChange={() => onPick(choice.type)}
              />
              <span>
                <strong>{choice.label}</strong>
                <span className="check__description">{choice.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit">
            Next
          </Button>
        </div>
      </form>
    </Modal>
  );
}

function SettingsStep({
  initial,
  onBack,
  onClose,
  onCreated,
}: {
  initial: AppDraft;
  onBack: (draft: AppDraft) => void;
  onClose: () => void;
  onCreated: (app: AppDto, assignmentError: ApiError | null) => void;
}) {
  const createApp = useAppStore((s) => s.createApp);
  const form = useDraftForm<AppDraft, Awaited<ReturnType<typeof createApp>>>(initial, createApp);
  const type = initial.applicationType;

  return (
    <FormDialog
      title={`New ${APP_TYPE_WORDS[type]} App Integration`}
      wide
      failureTitle="Could not create the app integration."
      submitLabel="Save"
      form={form}
      onSaved={(outcome) => onCreated(outcome.app, outcome.assignmentError)}
      onClose={onClose}
      extraActions={
        <Button variant="ghost" onClick={() => onBack(form.draft)} disabled={form.submitting}>
          Back
        </Button>
      }
    >
      <AppFields draft={form.draft} errors={form.fieldErrors} onChange={form.change} autoFocus />
      {type !== 'service' && (
        <AssignmentFields
          assignment={form.draft.assignment}
          groupIds={form.draft.assignGroupIds}
          error={form.fieldErrors.assignGroupIds}
          onChange={form.change}
        />
      )}
    </FormDialog>
  );
}

/** The app exists, but its Assignments choice failed: say so, and open the app to assign by hand. */
function AssignmentFailed({
  app,
  error,
  onClose,
  onOpen,
}: {
  app: AppDto;
  error: ApiError;
  onClose: () => void;
  onOpen: (app: AppDto) => void;
}) {
  return (
    <Modal title="App integration created" onClose={onClose}>
      <div className="form">
        <ErrorBanner title={`${app.label} was created, but its assignments could not be saved.`}>
          {error.summary}
        </ErrorBanner>
        <div className="form__actions">
          <Button variant="primary" autoFocus onClick={() => onOpen(app)}>
            Open the app
          </Button>
        </div>
      </div>
    </Modal>
  );
}
