/**
 * A load that concurrent callers share and that a failure does not keep: the callers of a failed
 * load get its error, and the next call starts it again, so a lazily built part answers one error
 * instead of failing the same way until a restart.
 */
export class SharedLoad<T> {
  private loading: Promise<T> | undefined;

  constructor(private readonly load: () => Promise<T>) {}

  /** The loaded value, loading it unless a load is under way or done. */
  get(): Promise<T> {
    return (this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    }));
  }

  /** The load under way or done, if one started and has not failed. */
  get started(): Promise<T> | undefined {
    return this.loading;
  }
}
