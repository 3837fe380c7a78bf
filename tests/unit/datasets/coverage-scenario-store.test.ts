import { describe, expect, it } from 'vitest';
import { compareScenarios, loadScenarios, saveScenarios, COVERAGE_SCENARIOS_KEY, type CoverageScenario } from '../../../src/datasets/coverage-scenario-store';
import { memoryStorage } from '../memory-storage';

const scenario = (name: string, byArea: { name: string; total: number; covered: number }[]): CoverageScenario => ({
  name,
  savedAt: '2026-11-26T10:00:00.000Z',
  settings: { window: 'all', radiusMeters: 400, kinds: ['disposal-kiosk'], everyone: true, k: 5 },
  total: byArea.reduce((a, x) => a + x.total, 0),
  covered: byArea.reduce((a, x) => a + x.covered, 0),
  sitesCounted: 3,
  byArea,
  proposed: [{ lngLat: [-71.07, 42.33], gain: 12 }],
});

describe('saved Coverage scenarios', () => {
  it('round-trip through storage; an unreadable value gives none and a warning, and is kept as a backup', () => {
    const storage = memoryStorage();
    const a = scenario('A', [{ name: 'Roxbury', total: 10, covered: 4 }]);
    expect(saveScenarios(storage, [a])).toBeNull();
    expect(loadScenarios(storage)).toEqual({ scenarios: [a], warning: null });
    storage.setItem(COVERAGE_SCENARIOS_KEY, '{not json');
    const broken = loadScenarios(storage);
    expect(broken.scenarios).toEqual([]);
    expect(broken.warning?.kind).toBe('corrupted-storage');
  });

  it('compares per area: the share in each and the change from A to B, areas of either', () => {
    const a = scenario('A', [{ name: 'Roxbury', total: 10, covered: 4 }, { name: 'South End', total: 5, covered: 5 }]);
    const b = scenario('B', [{ name: 'Roxbury', total: 10, covered: 9 }, { name: 'Dorchester', total: 4, covered: 1 }]);
    expect(compareScenarios(a, b)).toEqual([
      { name: 'Dorchester', shareA: 0, shareB: 0.25, change: 0.25 },
      { name: 'Roxbury', shareA: 0.4, shareB: 0.9, change: 0.5 },
      { name: 'South End', shareA: 1, shareB: 0, change: -1 },
    ]);
  });
});
