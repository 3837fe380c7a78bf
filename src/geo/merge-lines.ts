// Joining lines that meet end to end into longer lines (OSM splits one street into many ways).
import type { Position } from 'geojson';

/**
 * Joins lines that share an end position (exactly equal coordinates) into longer lines, reversing a line where that
 * is needed to join it; a line is used once. Lines that touch nothing are returned as they are. Does not mutate
 * `lines`. Hand-written because turf has no such join (`combine` makes a MultiLineString, it does not chain lines).
 */
export function mergeLines(lines: readonly Position[][]): Position[][] {
  const key = (p: Position): string => `${p[0]},${p[1]}`;
  const byEnd = new Map<string, number[]>();
  lines.forEach((line, index) => {
    for (const end of [line[0], line[line.length - 1]]) {
      if (!end) continue;
      const list = byEnd.get(key(end)) ?? [];
      list.push(index);
      byEnd.set(key(end), list);
    }
  });
  const used = new Array<boolean>(lines.length).fill(false);
  const takeAt = (end: Position): Position[] | undefined => {
    for (const index of byEnd.get(key(end)) ?? []) {
      const line = lines[index];
      if (used[index] || !line) continue;
      used[index] = true;
      const first = line[0];
      return first && key(first) === key(end) ? line.slice() : line.slice().reverse();
    }
    return undefined;
  };
  const merged: Position[][] = [];
  lines.forEach((line, index) => {
    if (used[index]) return;
    used[index] = true;
    let chain = line.slice();
    for (let next = takeAt(chain[chain.length - 1] ?? []); next; next = takeAt(chain[chain.length - 1] ?? [])) {
      chain = chain.concat(next.slice(1));
    }
    for (let previous = takeAt(chain[0] ?? []); previous; previous = takeAt(chain[0] ?? [])) {
      chain = previous.slice().reverse().slice(0, -1).concat(chain);
    }
    merged.push(chain);
  });
  return merged;
}
