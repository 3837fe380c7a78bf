// Parses the published Needle Pickup points GeoJSON (properties date, neighborhood, street, zip) into Needle requests.
import { CITY_BBOX } from '../config/city';
import { defaultLocationReason, needlePointFeatureSchema } from '../domain/boston-311';
import { insideBbox } from '../domain/geometry';
import type { NeedleRecord } from '../domain/needle-request';
import type { LoadResult, Rejected } from '../domain/rejection';

export type ParseNeedlePointsOptions = {
  dataset: string;
  bbox?: readonly [number, number, number, number];
};

/**
 * Parses a FeatureCollection of Needle Pickup points, given as text or already-parsed JSON. The file publishes no
 * case id, status or close date: those stay null / 'unknown'. Rejections use line = feature index + 1.
 * Never throws: invalid JSON or a non-FeatureCollection gives one rejection.
 */
export function parseNeedlePoints(input: unknown, options: ParseNeedlePointsOptions): LoadResult<NeedleRecord> {
  const bbox = options.bbox ?? CITY_BBOX;
  let json: unknown = input;
  if (typeof input === 'string') {
    if (input.trim() === '') return { rows: [], rejected: [{ line: 1, field: '', reason: 'empty file', raw: '' }] };
    try {
      json = JSON.parse(input);
    } catch (e) {
      return { rows: [], rejected: [{ line: 1, field: '', reason: `not valid JSON: ${(e as Error).message}`, raw: input.slice(0, 200) }] };
    }
  }
  const features = (json as { type?: unknown; features?: unknown } | null)?.features;
  if ((json as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    return { rows: [], rejected: [{ line: 1, field: '', reason: 'not a GeoJSON FeatureCollection', raw: JSON.stringify(json)?.slice(0, 200) ?? '' }] };
  }

  const rows: NeedleRecord[] = [];
  const rejected: Rejected[] = [];
  features.forEach((feature: unknown, i) => {
    const line = i + 1;
    const raw = JSON.stringify(feature) ?? '';
    const parsed = needlePointFeatureSchema.safeParse(feature);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path ?? [];
      rejected.push({ line, field: String(path[path.length - 1] ?? path[0] ?? ''), reason: issue?.message ?? 'invalid feature', raw });
      return;
    }
    const [lng, lat] = parsed.data.geometry.coordinates;
    if (!insideBbox(lng, lat, bbox)) {
      rejected.push({ line, field: 'coordinates', reason: 'outside the Boston bounding box', raw });
      return;
    }
    const defaultReason = defaultLocationReason(lng, lat);
    if (defaultReason !== null) {
      rejected.push({ line, field: 'coordinates', reason: defaultReason, raw });
      return;
    }
    const p = parsed.data.properties;
    rows.push({
      caseId: null,
      openedDate: p.date,
      openedTime: null,
      closedDate: null,
      status: 'unknown',
      closureReason: null,
      neighborhood: p.neighborhood,
      street: p.street,
      zip: p.zip,
      source: null,
      ward: null,
      coordinates: [lng, lat],
      dataset: options.dataset,
    });
  });
  return { rows, rejected };
}
