/**
 * The Okta "Expression Language overview" sample context (alice, her four groups, the SPA, the sandbox org, four scopes)
 * and the variants some golden cases run in. `now` is fixed: Monday 2024-05-06T07:08:09.123Z.
 */
import type { ExpressionContext, ExpressionGroup } from '../../../../src-main/core/expression/index.js';

const ORG_ID = '00oSANDBOX';

const ALICE_GROUPS: ExpressionGroup[] = [
  { id: '00gEVERYONE', name: 'Everyone', type: 'BUILT_IN', sourceId: ORG_ID },
  { id: '00gENG', name: 'Engineering', type: 'OKTA_GROUP', sourceId: ORG_ID },
  { id: '00gENGADM', name: 'Eng-Admins', type: 'OKTA_GROUP', sourceId: ORG_ID },
  { id: '00gWEST', name: 'West Coast', type: 'OKTA_GROUP', sourceId: ORG_ID },
];

export const SAMPLE_CONTEXT: ExpressionContext = {
  user: {
    id: '00uALICE000000000001',
    status: 'ACTIVE',
    profile: {
      login: 'alice@example.com',
      email: 'alice@example.com',
      firstName: 'Alice',
      lastName: 'Smith',
      department: 'Engineering',
      costCenter: 'CC-42',
      employeeNumber: '',
      roles: ['admin', 'dev'],
    },
    groups: ALICE_GROUPS,
  },
  appuser: { userName: 'alice@example.com' },
  app: { id: '0oaSPA0000000000001', clientId: '0oaSPA0000000000001', profile: { tier: 'gold' } },
  org: { name: 'Authbox', subDomain: 'sandbox' },
  scopes: ['openid', 'profile', 'email', 'orders:read'],
  now: new Date('2024-05-06T07:08:09.123Z'),
};

export const CONTEXTS = {
  alice: SAMPLE_CONTEXT,
  /** Client credentials: no user, so no app user either. */
  clientCredentials: { ...SAMPLE_CONTEXT, user: null, appuser: null },
  /** Alice also in a group imported from an Active Directory app. */
  appGroups: {
    ...SAMPLE_CONTEXT,
    user: {
      ...SAMPLE_CONTEXT.user!,
      groups: [...ALICE_GROUPS, { id: '00gADENG', name: 'AD Engineers', type: 'APP_GROUP', sourceId: '0oaAD' }],
    },
  },
} satisfies Record<string, ExpressionContext>;

export type ContextName = keyof typeof CONTEXTS;
