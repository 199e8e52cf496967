/**
 * The Add Group form and a group's profile form as plain data (Okta Groups API: `{profile: {name,
 * description}}`, PUT replaces both), and how the server's causes land on the fields.
 */
import type { BodyOf } from '../../src-main/contracts/route-def.js';
import type { routes } from '../../src-main/contracts/routes.js';
import type { GroupDto } from '../../src-main/contracts/group.js';
import type { ApiError } from '../api/api-error.js';
import { formProblemsFrom } from './form-problems.js';
import type { FormProblemsOf } from './form-problems.js';

export interface GroupDraft {
  name: string;
  description: string;
}

export type GroupField = keyof GroupDraft;
export type GroupProblems = FormProblemsOf<GroupField>;

export const emptyGroupDraft = (): GroupDraft => ({ name: '', description: '' });

export const groupDraftOf = (group: GroupDto): GroupDraft => ({
  name: group.profile.name,
  description: group.profile.description ?? '',
});

/** A blank description is stored as none (`null`), as Okta shows a group without one. */
export const toGroupWrite = (draft: GroupDraft): BodyOf<typeof routes.createGroup> => ({
  profile: { name: draft.name, description: draft.description.trim() === '' ? null : draft.description },
});

const CAUSES: Record<string, GroupField> = {
  name: 'name',
  'profile.name': 'name',
  description: 'description',
  'profile.description': 'description',
  profile: 'name',
};

export const groupProblemsOf = (error: ApiError): GroupProblems => formProblemsFrom(error, CAUSES);

/** The built-in Everyone group: every person is a member, and it cannot be edited or deleted. */
export const isBuiltIn = (group: GroupDto): boolean => group.type === 'BUILT_IN';
