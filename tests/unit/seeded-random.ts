// A seeded pseudo-random generator for oracle tests: the same seed gives the same inputs, so a failure can be replayed.

/** mulberry32: a small, fast 32-bit PRNG. Returns a function giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seed of an oracle test: $TEST_SEED when set (to replay a failure or explore new inputs), else `fallback`.
 * Tests put it in their assertion messages, so a failure prints the seed that produced it.
 */
export function testSeed(fallback: number): number {
  const fromEnv = Number(process.env.TEST_SEED);
  return Number.isInteger(fromEnv) && process.env.TEST_SEED?.trim() ? fromEnv : fallback;
}
