import { describe, expect, it } from 'vitest';
import { sweepsSlice, SWEEPS_INITIAL, withPlanInput, type SweepsState } from '../../../../src/tools/sweeps/sweeps-state';

const fromUrl = (query: string) => sweepsSlice.fromUrl(new URLSearchParams(query), SWEEPS_INITIAL);
const toQuery = (s: SweepsState) => new URLSearchParams(sweepsSlice.toUrl(s)).toString();

describe('the Sweeps slice in the URL', () => {
  it('writes nothing for the initial state and reads it back from nothing', () => {
    expect(sweepsSlice.toUrl(SWEEPS_INITIAL)).toEqual([]);
    expect(fromUrl('')).toEqual(SWEEPS_INITIAL);
  });

  it('round-trips a full plan: window, filters, area, start, speed, shift, removed/locked stops and a hand-made order', () => {
    const s: SweepsState = {
      preset: 'custom',
      from: '2025-03-01',
      to: '2025-03-31',
      status: 'open',
      neighborhood: 'South End',
      ward: 'Ward 3',
      source: 'Citizens Connect App',
      cellMeters: 400,
      mapView: 'neighborhoods',
      area: { kind: 'view', bbox: [-71.08, 42.33, -71.06, 42.35] },
      start: { kind: 'point', lngLat: [-71.0712, 42.3371] },
      end: 'last-stop',
      mode: 'drive',
      minutesPerStop: 8,
      shiftMinutes: 300,
      shiftStart: '07:30',
      hotspotStops: 3,
      added: [[-71.07011, 42.33502]],
      removed: ['101000000001', 'h-0123456789abcdef'],
      locked: ['cell:3:-4'],
      order: ['101000000002', 'h-0123456789abcdef-2', 'cell:3:-4'],
      planned: true,
    };
    expect(fromUrl(toQuery(s))).toEqual(s);
    const site: SweepsState = { ...SWEEPS_INITIAL, start: { kind: 'site', siteId: 'engagement-center' }, area: { kind: 'zone', zoneId: 'zone-mass-cass' } };
    expect(fromUrl(toQuery(site))).toEqual(site);
    const drawn: SweepsState = { ...SWEEPS_INITIAL, area: { kind: 'polygon', ring: [[-71.07, 42.33], [-71.06, 42.33], [-71.065, 42.34], [-71.07, 42.33]] } };
    expect(fromUrl(toQuery(drawn))).toEqual(drawn);
  });

  it('the start point is read lat,lng as people write it, and stored [lng, lat]', () => {
    expect(fromUrl('sstart=pt:42.3371,-71.0712').start).toEqual({ kind: 'point', lngLat: [-71.0712, 42.3371] });
    // Swapped, it is outside the service area: the default start, never a point in the ocean.
    expect(fromUrl('sstart=pt:-71.0712,42.3371').start).toEqual(SWEEPS_INITIAL.start);
  });

  it('falls back part by part on bad values, never throwing', () => {
    const s = fromUrl('sp=decade&sfrom=2025-02-30&sst=lost&cell=5&sarea=box:1,2,3&sper=-4&sshift=99999&sat=25:00&shot=50&sx=%3Cscript%3E&splan=yes&smode=fly');
    expect(s).toEqual({ ...SWEEPS_INITIAL });
    expect(fromUrl('sarea=box:-71.06,42.35,-71.08,42.33').area).toEqual(SWEEPS_INITIAL.area);
    // Two corners are not an area; a corner outside the service area (here lat/lng swapped) spoils the outline.
    expect(fromUrl('sarea=poly:42.33,-71.07~42.33,-71.06').area).toEqual(SWEEPS_INITIAL.area);
    expect(fromUrl('sarea=poly:42.33,-71.07~42.33,-71.06~-71.065,42.34').area).toEqual(SWEEPS_INITIAL.area);
  });

  it('a change of the plan input forgets the hand-made order', () => {
    const s = { ...SWEEPS_INITIAL, order: ['a', 'b'] };
    expect(withPlanInput(s, { minutesPerStop: 3 })).toMatchObject({ minutesPerStop: 3, order: null });
  });
});
