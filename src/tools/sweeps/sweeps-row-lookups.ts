// What the Sweeps tab asks of each 311 request's point (its neighbourhood by the City's outlines, whether it is near a
// park, its address in words), answered once per request and table: kept by table identity, so a new window or filter
// on the same table costs nothing more, and a new table (an import added or removed) starts afresh.
import type { NeedleTable } from '../../datasets/needle-table';

type LngLatFn<V> = (p: [number, number]) => V;

/**
 * Per table, per lookup function: each row's answer, computed on first ask. Both keys are weak, so a replaced table
 * (or a reloaded lookup) and its answers are collected with it.
 */
function rowCache<F extends object, S>(make: (needles: NeedleTable, fn: F) => S): (needles: NeedleTable, fn: F) => S {
  const byTable = new WeakMap<NeedleTable, WeakMap<F, S>>();
  return (needles, fn) => {
    let byFn = byTable.get(needles);
    if (!byFn) byTable.set(needles, (byFn = new WeakMap()));
    let s = byFn.get(fn);
    if (!s) byFn.set(fn, (s = make(needles, fn)));
    return s;
  };
}

/** Not asked yet (a code of the neighbourhood and park caches). */
const NOT_ASKED = -2;

const areaCodes = rowCache((needles: NeedleTable, areaAt: (p: readonly [number, number]) => { name: string } | null) => {
  const codes = new Int16Array(needles.count).fill(NOT_ASKED);
  const names: string[] = [];
  const codeOf = new Map<string, number>();
  return (row: number): string | null => {
    let code = codes[row]!;
    if (code === NOT_ASKED) {
      const name = areaAt([needles.lng[row]!, needles.lat[row]!])?.name ?? null;
      if (name === null) code = -1;
      else {
        code = codeOf.get(name) ?? -1;
        if (code < 0) codeOf.set(name, (code = names.push(name) - 1));
      }
      codes[row] = code;
    }
    return code < 0 ? null : names[code]!;
  };
});

/**
 * The name of the area containing row `row` of `needles` by `areaAt` (the place files' lookup), or null outside all;
 * the same as `areaAt([lng[row], lat[row]])?.name ?? null`, asked once per row of each table.
 */
export function rowAreaName(needles: NeedleTable, areaAt: (p: readonly [number, number]) => { name: string } | null): (row: number) => string | null {
  return areaCodes(needles, areaAt);
}

const parkFlags = rowCache((needles: NeedleTable, nearPark: (p: readonly [number, number]) => boolean) => {
  const flags = new Int8Array(needles.count).fill(NOT_ASKED);
  return (row: number): boolean => {
    let f = flags[row]!;
    if (f === NOT_ASKED) flags[row] = f = nearPark([needles.lng[row]!, needles.lat[row]!]) ? 1 : 0;
    return f === 1;
  };
});

/** Whether row `row` is near a park by `nearPark` (use-near-park's test), asked once per row of each table. */
export function rowNearPark(needles: NeedleTable, nearPark: (p: readonly [number, number]) => boolean): (row: number) => boolean {
  return parkFlags(needles, nearPark);
}

const addresses = rowCache((needles: NeedleTable, describe: LngLatFn<{ text: string } | null>) => {
  const texts = new Array<string | null | undefined>(needles.count);
  return (row: number): string | null => {
    let text = texts[row];
    if (text === undefined) texts[row] = text = describe([needles.lng[row]!, needles.lat[row]!])?.text ?? null;
    return text;
  };
});

/** Row `row`'s point in words by `describe` (the reverse geocoder), or null when nothing is near; once per row of each table. */
export function rowAddress(needles: NeedleTable, describe: LngLatFn<{ text: string } | null>): (row: number) => string | null {
  return addresses(needles, describe);
}
