// Parses a TSPLIB .tsp file (NODE_COORD_SECTION, EUC_2D) into named cities, for the sweep-route benchmark and tests.

/** A TSPLIB instance: its header fields and cities in file order; `lngLat` holds the plane coordinates (x, y). */
export type TsplibInstance = {
  name: string;
  comment: string;
  edgeWeightType: string;
  cities: { id: number; lngLat: [number, number] }[];
};

/**
 * Parses the text of a TSPLIB .tsp file with a NODE_COORD_SECTION. Throws when the section is missing, a line is
 * malformed, or the number of cities differs from DIMENSION. Coordinates go into `lngLat` ([x, y]), so the cities are
 * stops for planSweepRoute.
 */
export function parseTsplib(text: string): TsplibInstance {
  const header = new Map<string, string>();
  const cities: TsplibInstance['cities'] = [];
  let inCoords = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, lineIndex) => {
    const line = raw.trim();
    if (!line) return;
    if (line === 'EOF') {
      inCoords = false;
      return;
    }
    if (inCoords) {
      const parts = line.split(/\s+/).map(Number);
      if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x))) {
        if (/^[A-Z_]+\s*:?/.test(line)) {
          inCoords = false; // another section begins
          return;
        }
        throw new Error(`TSPLIB line ${lineIndex + 1}: expected "id x y", got "${line}"`);
      }
      cities.push({ id: parts[0]!, lngLat: [parts[1]!, parts[2]!] });
      return;
    }
    if (line === 'NODE_COORD_SECTION') {
      inCoords = true;
      return;
    }
    const m = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (m) header.set(m[1]!, m[2]!.trim());
  });
  if (!cities.length) throw new Error('TSPLIB: no NODE_COORD_SECTION with cities');
  const dimension = Number(header.get('DIMENSION'));
  if (header.has('DIMENSION') && dimension !== cities.length) {
    throw new Error(`TSPLIB: DIMENSION is ${dimension} but ${cities.length} cities are listed`);
  }
  return {
    name: header.get('NAME') ?? '',
    comment: header.get('COMMENT') ?? '',
    edgeWeightType: header.get('EDGE_WEIGHT_TYPE') ?? '',
    cities,
  };
}

/** TSPLIB's EUC_2D distance: the Euclidean distance rounded to the nearest integer. */
export function euc2dDistance(a: { lngLat: [number, number] }, b: { lngLat: [number, number] }): number {
  return Math.round(Math.hypot(a.lngLat[0] - b.lngLat[0], a.lngLat[1] - b.lngLat[1]));
}
