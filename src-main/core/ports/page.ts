/** One page of a list: at most `limit` records, after the record with id `after`. */
export interface Page {
  limit: number;
  after?: string | undefined;
}
