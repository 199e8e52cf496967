/** A person's status in the words of Okta's Admin Console (Users API statuses). */
import type { UserStatus } from '../../../src-main/contracts/user.js';

const WORDS: Record<UserStatus, string> = {
  STAGED: 'Staged',
  PROVISIONED: 'Pending user action',
  ACTIVE: 'Active',
  RECOVERY: 'Password reset',
  PASSWORD_EXPIRED: 'Password expired',
  LOCKED_OUT: 'Locked out',
  SUSPENDED: 'Suspended',
  DEPROVISIONED: 'Deactivated',
};

export function PersonStatus({ status }: { status: UserStatus }) {
  return <span className={`badge badge--${status === 'ACTIVE' ? 'active' : 'user-other'}`}>{WORDS[status]}</span>;
}
