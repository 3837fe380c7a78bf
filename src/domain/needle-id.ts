// Stable ids for 311 Needle requests: the case id where the source has one, else a hash of the facts that never change.
import type { NeedleRecord, NeedleRequest } from './needle-request';
import { roundCoordinate6 } from './geometry';

const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const MASK64 = (1n << 64n) - 1n;
const utf8 = new TextEncoder();

/** FNV-1a 64-bit hash of the UTF-8 bytes of `text`, as 16 lower-case hex digits. Same input, same output, everywhere. */
export function fnv1a64Hex(text: string): string {
  let h = FNV64_OFFSET;
  for (const byte of utf8.encode(text)) {
    h ^= BigInt(byte);
    h = (h * FNV64_PRIME) & MASK64;
  }
  return h.toString(16).padStart(16, '0');
}

/** Prefix of hashed ids; case ids are digits, so the two never meet. */
export const HASHED_ID_PREFIX = 'h-';

/**
 * The facts a request without a case id is known by: open date, location (6 decimals, as stored) and street.
 * Left out on purpose: the dataset name (a file name such as "needle-requests-points-2024-2026" changes when the
 * export is refreshed), the status and close date (they change when the case closes), and ZIP / neighbourhood (the
 * City backfills them). A refreshed export then gives every request it already had the same id.
 */
export function needleHashKey(r: Pick<NeedleRecord, 'openedDate' | 'coordinates' | 'street'>): string {
  return JSON.stringify([r.openedDate, roundCoordinate6(r.coordinates[0]).toFixed(6), roundCoordinate6(r.coordinates[1]).toFixed(6), r.street]);
}

/** The id a request claims before duplicates are told apart: its case id, else "h-" + the hash of needleHashKey. */
export function needleBaseId(r: NeedleRecord): string {
  return r.caseId ?? `${HASHED_ID_PREFIX}${fnv1a64Hex(needleHashKey(r))}`;
}

/** Every field of a record in a fixed order: the order in which requests sharing a base id get their suffixes. */
function fullKey(r: NeedleRecord): string {
  return JSON.stringify([r.caseId, r.openedDate, r.closedDate, r.status, r.closureReason, r.neighborhood, r.street, r.zip, r.coordinates[0], r.coordinates[1], r.dataset]);
}

/**
 * Gives every request a stable, unique id (the pipeline calls this once over all sources). Requests that claim the
 * same base id are sorted by all their fields; the first keeps the base id, the others get "-2", "-3"... (skipping
 * any id already taken). The result is in input order and does not depend on it: shuffling the input gives each
 * request the same id (identical records are interchangeable). Never mutates the input.
 */
export function assignNeedleIds(records: readonly NeedleRecord[]): NeedleRequest[] {
  const base = records.map(needleBaseId);
  const groups = new Map<string, number[]>();
  base.forEach((b, i) => {
    const g = groups.get(b);
    if (g) g.push(i);
    else groups.set(b, [i]);
  });
  const ids: string[] = base.slice();
  const used = new Set(base);
  const shared = [...groups.entries()].filter(([, members]) => members.length > 1).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [b, members] of shared) {
    const keyed = members.map((i) => ({ i, key: fullKey(records[i]!) })).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    let n = 2;
    for (const { i } of keyed.slice(1)) {
      while (used.has(`${b}-${n}`)) n++;
      ids[i] = `${b}-${n}`;
      used.add(ids[i]);
      n++;
    }
    ids[keyed[0]!.i] = b;
  }
  return records.map((r, i) => ({ id: ids[i]!, ...r }));
}

/** How the ids of `rows` were made: from a case id, from the hash, and how many of either needed a "-n" suffix. */
export function needleIdCounts(rows: readonly NeedleRequest[]): { fromCaseId: number; hashed: number; suffixed: number } {
  let fromCaseId = 0;
  let hashed = 0;
  let suffixed = 0;
  for (const r of rows) {
    const base = needleBaseId(r);
    if (r.caseId !== null) fromCaseId++;
    else hashed++;
    if (r.id !== base) suffixed++;
  }
  return { fromCaseId, hashed, suffixed };
}
