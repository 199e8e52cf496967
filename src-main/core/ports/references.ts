/** Where access policies and rules name another resource; `store/reference-repository.ts` implements the port. */

export interface PolicyReference {
  serverId: string;
  policyId: string;
  policyName: string;
  /** Undefined when the policy itself (its clients) names the resource. */
  ruleName?: string | undefined;
}

export interface ReferenceRepository {
  toUser(userId: string): PolicyReference[];
  toGroup(groupId: string): PolicyReference[];
  toApp(appId: string): PolicyReference[];
  toScope(serverId: string, scopeName: string): PolicyReference[];
}
