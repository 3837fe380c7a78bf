// A small printable map: a point (the search point, a sweep's start), numbered places and optionally a route line, to
// scale, with a scale bar (SVG, so it prints sharp where a WebGL canvas would print blank). Find's pocket list and the
// Sweeps route sheet use it; the Coverage report adds plain dots (sites, demand) and leaves out the point.
import { haversineMetersLngLat } from '../geo/haversine';

type Props = {
  /** The search point or start, drawn as a star; optional (the map then fits the places and dots alone). */
  point?: readonly [number, number];
  places: readonly { rank: number; lngLat: readonly [number, number] }[];
  /** A route, [lng, lat] positions, drawn under the places. */
  line?: readonly (readonly [number, number])[];
  /** Small dots under everything else: radius in px and a CSS colour each. */
  dots?: readonly { lngLat: readonly [number, number]; r: number; fill: string; stroke?: string }[];
  label: string;
  className?: string;
  width?: number;
  height?: number;
};

const PAD = 18;

/** A round scale-bar length (metres) close to a quarter of the map's width. */
function niceMeters(target: number): number {
  const steps = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000];
  return steps.reduce((best, s) => (Math.abs(s - target) < Math.abs(best - target) ? s : best), steps[0]!);
}

export function MiniMap({ point, places, line = [], dots = [], label, className = 'mini-map', width: WIDTH = 320, height: HEIGHT = 200 }: Props) {
  const all = [...(point ? [point] : []), ...places.map((p) => p.lngLat), ...line, ...dots.map((d) => d.lngLat)];
  if (all.length === 0) return null;
  const ys0 = all.map((p) => p[1]);
  const mid: readonly [number, number] = point ?? [all[0]![0], (Math.min(...ys0) + Math.max(...ys0)) / 2];
  const lat0 = (mid[1] * Math.PI) / 180;
  const xs = all.map((p) => p[0] * Math.cos(lat0));
  const ys = all.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, ((maxY - minY) * (WIDTH - 2 * PAD)) / (HEIGHT - 2 * PAD), 0.002);
  const scale = (WIDTH - 2 * PAD) / span; // px per (cos-scaled) degree
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const project = (p: readonly [number, number]) => [WIDTH / 2 + (p[0] * Math.cos(lat0) - cx) * scale, HEIGHT / 2 - (p[1] - cy) * scale] as const;
  // Metres per pixel along the point's latitude.
  const metersPerPx = haversineMetersLngLat(mid[0], mid[1], mid[0] + 1 / Math.cos(lat0) / scale, mid[1]);
  const barMeters = niceMeters((WIDTH / 4) * metersPerPx);
  const barPx = barMeters / metersPerPx;
  return (
    <svg className={className} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <rect width={WIDTH} height={HEIGHT} fill="#fff" stroke="#333" />
      {dots.map((d, i) => {
        const [x, y] = project(d.lngLat);
        return <circle key={i} cx={x} cy={y} r={d.r} fill={d.fill} stroke={d.stroke ?? 'none'} />;
      })}
      {line.length > 1 && <polyline points={line.map((p) => project(p).join(',')).join(' ')} fill="none" stroke="#c75400" strokeWidth="2.5" strokeLinejoin="round" />}
      {places.map((p) => {
        const [x, y] = project(p.lngLat);
        return (
          <g key={p.rank}>
            <circle cx={x} cy={y} r="9" fill="#fff" stroke="#111" strokeWidth="2" />
            <text x={x} y={y + 4} textAnchor="middle" fontSize="11" fontWeight="bold" fill="#111">
              {p.rank}
            </text>
          </g>
        );
      })}
      {point && <circle cx={project(point)[0]} cy={project(point)[1]} r="6" fill="#111" stroke="#fff" strokeWidth="2" />}
      {point && (
        <text x={project(point)[0] + 9} y={project(point)[1] - 8} fontSize="11" fill="#111">
          ★
        </text>
      )}
      <g transform={`translate(${PAD}, ${HEIGHT - 10})`}>
        <path d={`M0 -4v4h${barPx}v-4`} fill="none" stroke="#111" strokeWidth="1.5" />
        <text x={barPx + 4} y="0" fontSize="10" fill="#111">
          {barMeters >= 1000 ? `${barMeters / 1000} km` : `${barMeters} m`}
        </text>
      </g>
    </svg>
  );
}
