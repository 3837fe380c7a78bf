// Seeds for oracle tests: the same seed gives the same inputs, so a failure can be replayed (the generator is the app's).

export { mulberry32 } from '../../src/geo/seeded-random';

/**
 * The seed of an oracle test: $TEST_SEED when set (to replay a failure or explore new inputs), else `fallback`.
 * Tests put it in their assertion messages, so a failure prints the seed that produced it.
 */
export function testSeed(fallback: number): number {
  const fromEnv = Number(process.env.TEST_SEED);
  return Number.isInteger(fromEnv) && process.env.TEST_SEED?.trim() ? fromEnv : fallback;
}
