/**
 * Records → Okta JSON for users (Okta "Users" API), with absolute `_links`: `self` and one link per
 * lifecycle action the user's status allows. The password never leaves: `credentials.password`
 * is `{}` when one is set, and the recovery answer is never shown.
 */
import type { OktaLink } from '../../contracts/links.js';
import type { UserDto } from '../../contracts/user.js';
import { availableActions } from '../../core/user-lifecycle.js';
import type { LifecycleAction } from '../../core/user-lifecycle.js';
import type { UserRecord } from '../../core/ports/users.js';
import { link } from './presenters.js';

/** Okta's `_links` names for the lifecycle actions (`resetPassword`, not `reset_password`). */
const LINK_NAMES: Record<LifecycleAction, string> = {
  activate: 'activate',
  reactivate: 'reactivate',
  deactivate: 'deactivate',
  suspend: 'suspend',
  unsuspend: 'unsuspend',
  unlock: 'unlock',
  expire_password: 'expirePassword',
  reset_password: 'resetPassword',
};

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function presentUser(user: UserRecord, origin: string): UserDto {
  const self = `${origin}/api/v1/users/${user.id}`;
  const links: Record<string, OktaLink> = {};
  for (const action of availableActions({ status: user.status, hasPassword: user.passwordHash !== null })) {
    links[LINK_NAMES[action]] = link(`${self}/lifecycle/${action}`, ['POST']);
  }
  links['self'] = link(self, ['GET', 'POST', 'PUT', 'DELETE']);
  return {
    id: user.id,
    status: user.status,
    transitioningToStatus: null,
    created: user.created.toISOString(),
    activated: iso(user.activated),
    statusChanged: iso(user.statusChanged),
    lastLogin: iso(user.lastLogin),
    lastUpdated: user.lastUpdated.toISOString(),
    passwordChanged: iso(user.passwordChanged),
    type: { id: user.typeId },
    profile: user.profile,
    credentials: {
      ...(user.passwordHash !== null ? { password: {} } : {}),
      ...(user.recoveryQuestion !== null ? { recovery_question: { question: user.recoveryQuestion.question } } : {}),
      provider: { type: 'OKTA', name: 'OKTA' },
    },
    _links: links,
  };
}
