// Saved Coverage scenarios in localStorage (versioned, validated on read, never thrown away when unreadable).
import { z } from 'zod';
import { createLocalStore, type KeyValueStorage, type LocalStoreWarning } from './local-store';

const scenarioSchema = z.object({
  name: z.string().min(1).max(80),
  savedAt: z.string(),
  settings: z.object({ window: z.string(), radiusMeters: z.number(), kinds: z.array(z.string()), everyone: z.boolean(), k: z.number().int().min(0) }),
  /** Demand counted, covered with the sites counted and the proposed ones. */
  total: z.number(),
  covered: z.number(),
  sitesCounted: z.number().int(),
  byArea: z.array(z.object({ name: z.string(), total: z.number(), covered: z.number() })),
  proposed: z.array(z.object({ lngLat: z.tuple([z.number(), z.number()]), gain: z.number() })),
});
export type CoverageScenario = z.infer<typeof scenarioSchema>;

export const COVERAGE_SCENARIOS_KEY = 'hrm.coverage-scenarios';

const store = createLocalStore<CoverageScenario[]>({ key: COVERAGE_SCENARIOS_KEY, version: 1, dataField: 'scenarios', schema: z.array(scenarioSchema) });

export function loadScenarios(storage: KeyValueStorage | null): { scenarios: CoverageScenario[]; warning: LocalStoreWarning | null } {
  const loaded = store.load(storage, []);
  return { scenarios: loaded.value, warning: loaded.warning };
}

export function saveScenarios(storage: KeyValueStorage | null, scenarios: readonly CoverageScenario[]): LocalStoreWarning | null {
  const saved = store.save(storage, [...scenarios]);
  return saved.ok ? null : saved.warning;
}

/** Per-area change from scenario A to B: covered share in each (0 when an area has no demand) and B − A. */
export function compareScenarios(a: CoverageScenario, b: CoverageScenario): { name: string; shareA: number; shareB: number; change: number }[] {
  const share = (s: CoverageScenario) => new Map(s.byArea.map((x) => [x.name, x.total > 0 ? x.covered / x.total : 0]));
  const sa = share(a);
  const sb = share(b);
  const names = [...new Set([...sa.keys(), ...sb.keys()])].sort((x, y) => x.localeCompare(y));
  return names.map((name) => {
    const shareA = sa.get(name) ?? 0;
    const shareB = sb.get(name) ?? 0;
    return { name, shareA, shareB, change: shareB - shareA };
  });
}
