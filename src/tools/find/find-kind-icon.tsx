// A small icon per site kind, in its map layer's colour, so a result reads at a glance as on the map (decorative: the
// kind is also written next to it).
import type { SiteKind, SiteLayer } from '../../domain/site';
import { PALETTE } from '../../map/palette';

/** White glyphs on a 24 × 24 grid, one per kind. */
const GLYPHS: Record<SiteKind, React.ReactNode> = {
  // A box with a slot.
  'disposal-kiosk': (
    <>
      <rect x="7" y="6" width="10" height="12" rx="1" fill="none" stroke="#fff" strokeWidth="2" />
      <path d="M9.5 9.5h5" stroke="#fff" strokeWidth="2" />
    </>
  ),
  // An arrow into a tray.
  'drop-off': <path d="M12 5v8m-3.5-3.5L12 13l3.5-3.5M6 15v3h12v-3" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />,
  // A syringe.
  'syringe-service-program': <path d="M6 18l3-3m0 0l6-6 2 2-6 6zm6-6l2 2m1-5l3 3m-1.5-1.5L19 6" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />,
  // A house.
  'drop-in-center': <path d="M6 12l6-5 6 5v6h-4v-4h-4v4H6z" fill="#fff" />,
  // A cross.
  treatment: <path d="M10 6h4v4h4v4h-4v4h-4v-4H6v-4h4z" fill="#fff" />,
  // A capsule.
  pharmacy: <rect x="5" y="9.5" width="14" height="5" rx="2.5" transform="rotate(-35 12 12)" fill="none" stroke="#fff" strokeWidth="2" />,
  // A person.
  'outreach-base': (
    <>
      <circle cx="12" cy="8" r="2.6" fill="#fff" />
      <path d="M7 18c0-3 2.2-5 5-5s5 2 5 5z" fill="#fff" />
    </>
  ),
  other: <circle cx="12" cy="12" r="3" fill="#fff" />,
};

export function KindIcon({ kind, layer }: { kind: SiteKind; layer: SiteLayer }) {
  return (
    <svg className="kind-icon" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11.5" fill={layer === 'disposal' ? PALETTE.disposal : PALETTE.service} />
      {GLYPHS[kind]}
    </svg>
  );
}
