// Pasted coordinates as a search point: "42.3601, -71.0589", "-71.0589 42.3601", "42.3601 N 71.0589 W",
// degrees-minutes-seconds, a geo: URI or a map link with "@lat,lng" or "map=zoom/lat/lng".
import { SERVICE_AREA_BBOX } from '../../config/city';
import { insideBbox } from '../../domain/geometry';

const NUMBER = String.raw`[-+]?\d{1,3}(?:\.\d+)?`;
/** One coordinate: signed decimal degrees, or degrees [minutes [seconds]] with an optional hemisphere letter. */
const COORD = String.raw`(${NUMBER})\s*°?\s*(?:(\d{1,2}(?:\.\d+)?)\s*['′]\s*(?:(\d{1,2}(?:\.\d+)?)\s*(?:"|″|'')\s*)?)?([NSEW])?`;
const PAIR = new RegExp(String.raw`^\s*${COORD}\s*[,;\s]\s*${COORD}\s*$`, 'i');

type Part = { value: number; hemisphere: string | null };

function part(deg: string, min: string | undefined, sec: string | undefined, hemisphere: string | undefined): Part | null {
  const d = Number(deg);
  const m = min === undefined ? 0 : Number(min);
  const s = sec === undefined ? 0 : Number(sec);
  if (![d, m, s].every(Number.isFinite) || m >= 60 || s >= 60) return null;
  const magnitude = Math.abs(d) + m / 60 + s / 3600;
  const h = hemisphere?.toUpperCase() ?? null;
  const negative = d < 0 || deg.startsWith('-') || h === 'S' || h === 'W';
  return { value: negative ? -magnitude : magnitude, hemisphere: h };
}

/** The text with a geo: URI or map link reduced to its "lat,lng" (or returned as is). */
function unwrap(text: string): string {
  const geo = /^geo:([^;?]+)/i.exec(text.trim());
  if (geo) return geo[1]!;
  const at = /@(-?\d+\.\d+),(-?\d+\.\d+)/.exec(text);
  if (at) return `${at[1]},${at[2]}`;
  const map = /map=\d+(?:\.\d+)?\/(-?\d+\.\d+)\/(-?\d+\.\d+)/.exec(text);
  if (map) return `${map[1]},${map[2]}`;
  return text;
}

/**
 * Reads pasted coordinates; returns [lng, lat] inside the service area, or null when the text is not a coordinate pair
 * there. Latitude first is the usual order; a pair whose other order is the only one inside the service area (Boston's
 * longitudes are about -71, its latitudes about 42) is read that way, and hemisphere letters decide when present.
 */
export function parseCoordinates(text: string): [number, number] | null {
  const m = PAIR.exec(unwrap(text));
  if (!m) return null;
  const a = part(m[1]!, m[2], m[3], m[4]);
  const b = part(m[5]!, m[6], m[7], m[8]);
  if (!a || !b) return null;
  const latFirst: [number, number] = [b.value, a.value];
  const lngFirst: [number, number] = [a.value, b.value];
  if ((a.hemisphere === 'E' || a.hemisphere === 'W') && (b.hemisphere === 'N' || b.hemisphere === 'S' || b.hemisphere === null)) {
    return insideBbox(lngFirst[0], lngFirst[1], SERVICE_AREA_BBOX) ? lngFirst : null;
  }
  if (insideBbox(latFirst[0], latFirst[1], SERVICE_AREA_BBOX)) return latFirst;
  if (a.hemisphere === null && b.hemisphere === null && insideBbox(lngFirst[0], lngFirst[1], SERVICE_AREA_BBOX)) return lngFirst;
  return null;
}
