/**
 * Every fast-check run goes through `assertProperty`, so every run is seeded: with `FC_SEED` when it
 * is set, else with a fresh seed, and a failure says which seed to set to replay it
 * (`FC_SEED=<n> npx vitest run <file>` generates the same values in the same order).
 */
import fc from 'fast-check';

/** Reads `FC_SEED` (an integer); without it, a fresh 32-bit seed. */
export function propertySeed(text = process.env['FC_SEED']): number {
  if (text === undefined || text.trim() === '') return (Date.now() ^ (Math.random() * 0x1_0000_0000)) | 0;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not '${text}'`);
  return seed;
}

/** The seed of this test file's runs. */
export const PROPERTY_SEED = propertySeed();

/** `fc.assert` with `{ seed: PROPERTY_SEED }`; a failure's message starts with the `FC_SEED` that replays it. */
export function assertProperty<Ts>(property: fc.IAsyncProperty<Ts>, params?: fc.Parameters<Ts>): Promise<void>;
export function assertProperty<Ts>(property: fc.IProperty<Ts>, params?: fc.Parameters<Ts>): void;
export function assertProperty<Ts>(
  property: fc.IRawProperty<Ts>,
  params: fc.Parameters<Ts> = {},
): Promise<void> | void {
  const seeded = { ...params, seed: PROPERTY_SEED };
  let run: Promise<void> | void;
  try {
    run = fc.assert(property, seeded);
  } catch (error) {
    throw withSeed(error);
  }
  return run instanceof Promise
    ? run.catch((error: unknown) => {
        throw withSeed(error);
      })
    : run;
}

function withSeed(error: unknown): Error {
  const replay = `Property failed with seed ${PROPERTY_SEED}; replay with FC_SEED=${PROPERTY_SEED}.`;
  if (!(error instanceof Error)) return new Error(`${replay}\n${String(error)}`);
  error.message = `${replay}\n${error.message}`;
  return error;
}
