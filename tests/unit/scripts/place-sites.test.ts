import { describe, expect, it } from 'vitest';
import type { Geocoder, Suggestion } from '../../../src/geo/geocoder';
import { hitInCity, proposePlacement, siteQueries, type SiteRowCells } from '../../../scripts/place-sites';

/** A geocoder that answers from a fixed table of query → hit. */
function fakeGeocoder(answers: Record<string, Omit<Suggestion, 'score'>>): Pick<Geocoder, 'geocode'> {
  return { geocode: (q) => (answers[q] ? { ...answers[q], score: 1 } : null) };
}
const row = (cells: Partial<SiteRowCells>): SiteRowCells => ({
  id: 'a', address: '', city: 'Boston', lng: '-71.07', lat: '42.33', coord_precision: 'street', ...cells,
});

describe('siteQueries', () => {
  it('tries the corner, then the address, then the street alone, each with the city', () => {
    expect(siteQueries('780 Albany Street (corner of Massachusetts Avenue)', 'Boston')).toEqual([
      'Albany Street and Massachusetts Avenue, Boston',
      '780 Albany Street, Boston',
      'Albany Street, Boston',
    ]);
  });

  it('takes a two-street corner as it is, and an "in X" note as a place', () => {
    expect(siteQueries('Carl Barron Plaza (corner of Massachusetts Avenue and Western Avenue)', 'Cambridge')[0]).toBe(
      'Massachusetts Avenue and Western Avenue, Cambridge',
    );
    expect(siteQueries('220 Washington Street (lobby; in Union Square)', 'Somerville')).toEqual([
      'Union Square, Somerville',
      '220 Washington Street, Somerville',
      'Washington Street, Somerville',
    ]);
  });
});

describe('hitInCity', () => {
  it('accepts Boston neighbourhoods for Boston and only the named city elsewhere', () => {
    expect(hitInCity({ neighborhood: 'Downtown' }, 'Boston')).toBe(true);
    expect(hitInCity({ neighborhood: 'Brookline' }, 'Boston')).toBe(false);
    expect(hitInCity({ neighborhood: 'Downtown' }, 'Brookline')).toBe(false);
    expect(hitInCity({ neighborhood: 'Brookline' }, 'Brookline')).toBe(true);
  });
});

describe('proposePlacement', () => {
  const geocoder = fakeGeocoder({
    '350 Washington Street, Brookline': { label: '350 Washington Street, Downtown', lngLat: [-71.0589, 42.3563], precision: 'address-point', neighborhood: 'Downtown' },
    'Washington Street, Brookline': { label: 'Washington Street, Brookline', lngLat: [-71.1237, 42.3348], precision: 'street', neighborhood: 'Brookline' },
    '774 Albany Street, Boston': { label: '774 Albany Street', lngLat: [-71.072867, 42.333611], precision: 'address-point', neighborhood: 'South End' },
    'Albany Street and Harrison Avenue, Boston': { label: 'Albany Street near Harrison Avenue', lngLat: [-71.071, 42.334], precision: 'street', neighborhood: 'South End' },
    'Albany Street, Boston': { label: 'Albany Street', lngLat: [-71.07, 42.33], precision: 'street', neighborhood: 'South End' },
  });

  it('refuses a hit in another city and falls back to the street in the right one', () => {
    const p = proposePlacement(geocoder, row({ address: '350 Washington Street', city: 'Brookline' }));
    expect(p.proposal).toEqual({ lng: -71.1237, lat: 42.3348, precision: 'street' });
    expect(p.refused).toEqual(['350 Washington Street, Brookline → 350 Washington Street, Downtown (not in Brookline)']);
  });

  it('keeps the most precise hit and says how far it moves the row', () => {
    const p = proposePlacement(geocoder, row({ address: '774 Albany Street', lng: '-71.073353', lat: '42.333611' }));
    expect(p.proposal).toEqual({ lng: -71.072867, lat: 42.333611, precision: 'address-point' });
    expect(p.movedMeters).toBe(40);
  });

  it('prefers a more precise later hit to a less precise first one', () => {
    const p = proposePlacement(geocoder, row({ address: '774 Albany Street (corner of Harrison Avenue)' }));
    expect(p.queries?.[0]).toBe('Albany Street and Harrison Avenue, Boston');
    expect(p.proposal?.precision).toBe('address-point');
  });

  it('never re-proposes a pinned row', () => {
    const p = proposePlacement(geocoder, row({ address: '774 Albany Street', coord_precision: 'pinned' }));
    expect(p).toEqual({ id: 'a', kept: 'pinned', current: { lng: '-71.07', lat: '42.33', precision: 'pinned' } });
  });

  it('proposes nothing when the geocoder knows nothing', () => {
    expect(proposePlacement(geocoder, row({ address: '1 Nowhere Lane' })).proposal).toBeNull();
  });
});
