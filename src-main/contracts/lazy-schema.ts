/**
 * A zod schema built on its first use. The contract modules hold some 450 schemas; the server's start
 * evaluates these modules for their constants and validators, yet validates nothing until a
 * management API write comes, so each schema is built when it is first asked for and kept (the same
 * schema every time after). Call the thunk for the schema: `policyInput().safeParse(body)`.
 */
import type { z } from 'zod';

export type LazySchema<T extends z.ZodType = z.ZodType> = () => T;

/** The schema type behind a `LazySchema` (`z.infer<SchemaOf<typeof policyInput>>`). */
export type SchemaOf<L> = L extends LazySchema<infer T> ? T : never;

export function lazySchema<T extends z.ZodType>(build: () => T): LazySchema<T> {
  let built: T | undefined;
  return () => (built ??= build());
}
