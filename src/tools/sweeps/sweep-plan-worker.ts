// Web Worker (comlink) that plans a sweep: it loads the walking graph once, keeps the walking distances it has routed
// (a reorder or a new shift length routes nothing new), runs the route engine and draws the route along the streets,
// so the tab and the map stay responsive while a long list of stops is routed.
import * as Comlink from 'comlink';
import { walkNetworkCache } from '../../datasets/walk-graph';
import { planSweep, reorderPlan, straightLineDistanceMatrix, walkDistanceMatrix, type DistanceMatrix, type SweepPlan, type SweepPlanInput } from '../../geo/sweep-plan';
import type { WalkNetwork } from '../../geo/walk-network';
import { routeLine } from './sweeps-planner';

export type PlanRequest = {
  /** The walking graph file; null plans in straight lines. */
  walkGraphUrl: string | null;
  input: Omit<SweepPlanInput, 'distanceMatrix'>;
  /** A hand-made visiting order (stop ids) to keep, or null to optimise. */
  order: readonly string[] | null;
};
export type PlanResponse = { plan: SweepPlan; line: [number, number][]; graphFailed: string | null };

let matrix: { network: WalkNetwork; distances: DistanceMatrix } | null = null;

const networkFor = walkNetworkCache();

const api = {
  async plan(req: PlanRequest): Promise<PlanResponse> {
    let network: WalkNetwork | null = null;
    let graphFailed: string | null = null;
    if (req.walkGraphUrl) {
      try {
        network = await networkFor(req.walkGraphUrl);
      } catch (e) {
        graphFailed = e instanceof Error ? e.message : String(e);
      }
    }
    if (network && matrix?.network !== network) matrix = { network, distances: walkDistanceMatrix(network) };
    const input: SweepPlanInput = { ...req.input, distanceMatrix: network && matrix ? matrix.distances : straightLineDistanceMatrix };
    let plan = planSweep(input);
    if (req.order) {
      const known = new Set(plan.stops.map((s) => s.id));
      const order = req.order.filter((id) => known.has(id));
      if (order.length === plan.stops.length) plan = reorderPlan(input, order, plan);
    }
    const position = new Map(req.input.stops.map((s) => [s.id, s.lngLat]));
    const line = routeLine(network, req.input.start, plan.stops.map((s) => position.get(s.id)!), req.input.end === 'start');
    return { plan, line, graphFailed };
  },
};
export type SweepPlanWorkerApi = typeof api;

Comlink.expose(api);
