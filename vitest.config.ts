// Vitest config: unit tests only (tests/unit); e2e runs under Playwright.
import { defineConfig } from 'vitest/config';

// Vitest 5's reporter calls Map.groupBy (Node >= 21) when it prints failures; give Node 20 the standard behaviour.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    value: <K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> => {
      const groups = new Map<K, T[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const g = groups.get(k);
        if (g) g.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
  },
});
