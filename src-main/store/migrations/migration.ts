/** One numbered schema migration; `index.ts` lists them in order. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
