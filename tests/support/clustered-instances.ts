// Seeded small siting instances shaped like 311 reports (Gaussian clusters around Boston), shared by the site-selection unit test and the coverage bench.
import { mulberry32 } from '../../src/geo/seeded-random';

export type InstancePoint = { lngLat: [number, number] };
export type InstanceDemand = InstancePoint & { weight: number };
export type ClusteredInstance = { demand: InstanceDemand[]; candidates: InstancePoint[]; existing: InstancePoint[] };

const BOSTON: [number, number] = [-71.06, 42.33];
/** Degrees per metre at Boston's latitude. */
const M_LAT = 1 / 111_195;
const M_LNG = M_LAT / Math.cos((BOSTON[1] * Math.PI) / 180);

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/**
 * A small instance shaped like 311 reports: 300 reports in 3-5 Gaussian clusters (σ 250-500 m) of uneven size within a
 * few km of Boston's centre, 30 candidates scattered around reports (σ 300 m), one existing site 500 m east of the
 * first candidate; meant for a 400 m radius. The same seed gives the same instance.
 */
export function clusteredInstance(seed: number): ClusteredInstance {
  const rand = mulberry32(seed);
  const clusters = 3 + Math.floor(rand() * 3);
  const spread = 2000 + rand() * 3000;
  const sigma = 250 + rand() * 250;
  const centres = Array.from({ length: clusters }, () => [BOSTON[0] + (rand() - 0.5) * spread * M_LNG, BOSTON[1] + (rand() - 0.5) * spread * M_LAT]);
  const demand = Array.from({ length: 300 }, (): InstanceDemand => {
    const c = centres[Math.floor(rand() * rand() * clusters)]!;
    return { lngLat: [c[0]! + gaussian(rand) * sigma * M_LNG, c[1]! + gaussian(rand) * sigma * M_LAT], weight: 1 };
  });
  const candidates = Array.from({ length: 30 }, (): InstancePoint => {
    const d = demand[Math.floor(rand() * demand.length)]!;
    return { lngLat: [d.lngLat[0] + gaussian(rand) * 300 * M_LNG, d.lngLat[1] + gaussian(rand) * 300 * M_LAT] };
  });
  const existing: InstancePoint[] = [{ lngLat: [candidates[0]!.lngLat[0] + 500 * M_LNG, candidates[0]!.lngLat[1]] }];
  return { demand, candidates, existing };
}
