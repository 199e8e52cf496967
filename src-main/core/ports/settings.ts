/** Instance-wide settings as key/value strings; `store/settings-repository.ts` implements the port. */
export interface SettingsRepository {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}
