/** Failed sign-ins per user, for Okta's lockout; `store/sign-in-failure-repository.ts` implements the port. */
export interface SignInFailures {
  count: number;
  lastFailed: Date;
}

export interface SignInFailureRepository {
  get(userId: string): SignInFailures | undefined;
  set(userId: string, failures: SignInFailures): void;
  clear(userId: string): void;
}
