import { describe, expect, it } from 'vitest';
import { siteToFeature } from '../../../src/datasets/parse-sites-csv';
import type { Site } from '../../../src/domain/site';
import {
  addSite,
  effectiveSites,
  markVerified,
  moveSite,
  NO_SITE_EDITS,
  restoreSite,
  retireSite,
  settleEdits,
  siteFromFeature,
  updateSite,
  validateSite,
  type SiteEditResult,
  type SiteEdits,
} from '../../../src/domain/site-edits';
import { commit, HISTORY_LIMIT, redo, startHistory, undo } from '../../../src/domain/edit-history';
import { BROOKLINE_KIOSK, CAMBRIDGE_POLICE, ENGAGEMENT_CENTER, NEW_KIOSK, PUBLISHED } from './site-fixtures';

const AT = '2026-12-01T15:04:05.000Z';
const LATER = '2026-12-02T09:00:00.000Z';

/** The edits of a successful operation (fails the test with the errors otherwise). */
function ok(result: SiteEditResult): SiteEdits {
  if (!result.ok) throw new Error(`operation refused: ${JSON.stringify(result.errors)}`);
  return result.edits;
}

function errorsOf(result: SiteEditResult) {
  if (result.ok) throw new Error('operation accepted, expected a refusal');
  return result.errors;
}

function statuses(edits: SiteEdits) {
  return effectiveSites(PUBLISHED, edits).map(({ site, status }) => [site.id, status]);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('validateSite', () => {
  it('accepts real rows of data/sites.csv', () => {
    for (const site of [...PUBLISHED, NEW_KIOSK]) expect(validateSite(site)).toEqual({ ok: true });
  });

  it('rejects hours that do not parse, on openingHours, with the parser message', () => {
    const result = validateSite({ ...NEW_KIOSK, openingHours: 'Mo-Fr 25:00-26:00' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.field).toBe('openingHours');
    expect(result.errors[0]?.message).toMatch(/not valid OSM opening_hours syntax/);
  });

  it('rejects a last-verified date that does not exist', () => {
    const result = validateSite({ ...NEW_KIOSK, lastVerified: '2026-02-30' });
    expect(result).toEqual({ ok: false, errors: [{ field: 'lastVerified', message: expect.stringMatching(/real calendar date/) }] });
  });

  it('rejects coordinates outside the service area, on coordinates', () => {
    const nyc = validateSite({ ...NEW_KIOSK, coordinates: [-73.9857, 40.7484] });
    expect(nyc.ok).toBe(false);
    if (nyc.ok) return;
    expect(nyc.errors.map((e) => e.field)).toEqual(['coordinates', 'coordinates']);
    expect(nyc.errors[0]?.message).toMatch(/outside the service area/);
  });

  it('rejects coordinates that are not numbers, or swapped to [lat, lng]', () => {
    expect(validateSite({ ...NEW_KIOSK, coordinates: [Number.NaN, 42.33] }).ok).toBe(false);
    expect(validateSite({ ...NEW_KIOSK, coordinates: [42.334862, -71.123746] }).ok).toBe(false);
  });

  it('rejects an id that is not kebab-case', () => {
    for (const id of ['Brookline Kiosk', '', 'kiosk_1', 'a'.repeat(81)]) {
      const result = validateSite({ ...NEW_KIOSK, id });
      expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['id']);
    }
  });

  it('requires a name, a city and a source (blank text does not count)', () => {
    const result = validateSite({ ...NEW_KIOSK, name: '  ', city: '', source: ' ' });
    expect(result.ok ? [] : result.errors.map((e) => e.field).sort()).toEqual(['city', 'name', 'source']);
  });

  it('rejects a list item with ";", which the CSV would split in two', () => {
    const result = validateSite({ ...NEW_KIOSK, services: ['sharps disposal; naloxone'] });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['services']);
  });

  it('reports every problem at once', () => {
    const result = validateSite({ ...NEW_KIOSK, id: 'Bad Id', openingHours: 'whenever', lastVerified: 'yesterday' });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['id', 'openingHours', 'lastVerified']);
  });
});

describe('effectiveSites', () => {
  it('is the published list, all published, when nothing is edited', () => {
    expect(effectiveSites(PUBLISHED, NO_SITE_EDITS)).toEqual(PUBLISHED.map((site) => ({ site, status: 'published' })));
  });

  it('applies edits in place, keeps retired sites with their status, and puts added sites last, oldest first', () => {
    let edits = ok(updateSite(PUBLISHED, NO_SITE_EDITS, BROOKLINE_KIOSK.id, { openingHours: '24/7' }, AT));
    edits = ok(retireSite(PUBLISHED, edits, CAMBRIDGE_POLICE.id, AT));
    const second = { ...NEW_KIOSK, id: 'second-kiosk' };
    edits = ok(addSite(PUBLISHED, edits, second, LATER));
    edits = ok(addSite(PUBLISHED, edits, NEW_KIOSK, AT));
    const list = effectiveSites(PUBLISHED, edits);
    expect(list.map(({ site, status }) => [site.id, status])).toEqual([
      [CAMBRIDGE_POLICE.id, 'retired'],
      [BROOKLINE_KIOSK.id, 'changed'],
      [ENGAGEMENT_CENTER.id, 'published'],
      [NEW_KIOSK.id, 'added'],
      ['second-kiosk', 'added'],
    ]);
    expect(list[1]?.site.openingHours).toBe('24/7');
  });

  it('shows an edit the published list has caught up with as published', () => {
    const edits = ok(updateSite(PUBLISHED, NO_SITE_EDITS, BROOKLINE_KIOSK.id, { openingHours: '24/7' }, AT));
    const republished = [CAMBRIDGE_POLICE, { ...BROOKLINE_KIOSK, openingHours: '24/7' }, ENGAGEMENT_CENTER];
    expect(effectiveSites(republished, edits)[1]?.status).toBe('published');
  });
});

describe('addSite', () => {
  it('adds a valid site, shown as added', () => {
    const edits = ok(addSite(PUBLISHED, NO_SITE_EDITS, NEW_KIOSK, AT));
    expect(edits[NEW_KIOSK.id]).toEqual({ kind: 'added', site: NEW_KIOSK, at: AT });
    expect(statuses(edits).at(-1)).toEqual([NEW_KIOSK.id, 'added']);
  });

  it('refuses an id already used by a published, an added or a retired site', () => {
    expect(errorsOf(addSite(PUBLISHED, NO_SITE_EDITS, { ...NEW_KIOSK, id: ENGAGEMENT_CENTER.id }, AT))).toEqual([
      { field: 'id', message: expect.stringContaining('already used by "Engagement Center') },
    ]);
    const added = ok(addSite(PUBLISHED, NO_SITE_EDITS, NEW_KIOSK, AT));
    expect(errorsOf(addSite(PUBLISHED, added, NEW_KIOSK, LATER))[0]?.field).toBe('id');
    const retired = ok(retireSite(PUBLISHED, NO_SITE_EDITS, BROOKLINE_KIOSK.id, AT));
    expect(errorsOf(addSite(PUBLISHED, retired, { ...NEW_KIOSK, id: BROOKLINE_KIOSK.id }, LATER))[0]?.message).toMatch(/\(retired\)/);
  });

  it('refuses an invalid site with every error and leaves the edits alone', () => {
    const errors = errorsOf(addSite(PUBLISHED, NO_SITE_EDITS, { ...NEW_KIOSK, openingHours: 'Mo-Fr 8-', coordinates: [0, 0] }, AT));
    expect(errors.map((e) => e.field)).toEqual(['coordinates', 'coordinates', 'openingHours']);
  });

  it('stores the site as the pipeline would read it back from the CSV (trimmed, "unknown" as null)', () => {
    const edits = ok(addSite(PUBLISHED, NO_SITE_EDITS, { ...NEW_KIOSK, name: '  Kiosk  ', address: 'unknown', services: [' sharps disposal ', ''] }, AT));
    expect(edits[NEW_KIOSK.id]?.site).toEqual({ ...NEW_KIOSK, name: 'Kiosk', address: null, services: ['sharps disposal'] });
  });
});

describe('updateSite', () => {
  it('records a change of a published site', () => {
    const edits = ok(updateSite(PUBLISHED, NO_SITE_EDITS, BROOKLINE_KIOSK.id, { openingHours: 'Mo-Fr 08:00-16:00; PH off' }, AT));
    expect(edits[BROOKLINE_KIOSK.id]).toEqual({ kind: 'changed', site: { ...BROOKLINE_KIOSK, openingHours: 'Mo-Fr 08:00-16:00; PH off' }, at: AT });
  });

  it('removes the edit when the site is changed back to exactly its published version', () => {
    const changed = ok(updateSite(PUBLISHED, NO_SITE_EDITS, BROOKLINE_KIOSK.id, { phone: '617-000-0000' }, AT));
    const back = ok(updateSite(PUBLISHED, changed, BROOKLINE_KIOSK.id, { phone: BROOKLINE_KIOSK.phone }, LATER));
    expect(back).toEqual({});
    expect(statuses(back)).toEqual(PUBLISHED.map((s) => [s.id, 'published']));
  });

  it('keeps an added site added when it is edited', () => {
    const added = ok(addSite(PUBLISHED, NO_SITE_EDITS, NEW_KIOSK, AT));
    const edited = ok(updateSite(PUBLISHED, added, NEW_KIOSK.id, { openingHours: '24/7' }, LATER));
    expect(edited[NEW_KIOSK.id]).toEqual({ kind: 'added', site: { ...NEW_KIOSK, openingHours: '24/7' }, at: LATER });
  });

  it('validates the edited site: bad hours, dates or coordinates are refused with their errors', () => {
    expect(errorsOf(updateSite(PUBLISHED, NO_SITE_EDITS, BROOKLINE_KIOSK.id, { openingHours: 'Mo-Fr 8-' }, AT))[0]?.field).toBe('openingHours');
    expect(errorsOf(updateSite(PUBLISHED, NO_SITE_EDITS, BROOKLINE_KIOSK.id, { lastVerified: '2026-13-01' }, AT))[0]?.field).toBe('lastVerified');
    expect(errorsOf(updateSite(PUBLISHED, NO_SITE_EDITS, BROOKLINE_KIOSK.id, { name: '' }, AT))[0]?.field).toBe('name');
  });

  it('refuses a change of id, an unknown id and a retired site', () => {
    expect(errorsOf(updateSite(PUBLISHED, NO_SITE_EDITS, BROOKLINE_KIOSK.id, { id: 'other-id' }, AT))[0]?.message).toMatch(/cannot change/);
    expect(errorsOf(updateSite(PUBLISHED, NO_SITE_EDITS, 'no-such-site', { name: 'x' }, AT))).toEqual([
      { field: 'id', message: 'no site has the id "no-such-site"' },
    ]);
    const retired = ok(retireSite(PUBLISHED, NO_SITE_EDITS, BROOKLINE_KIOSK.id, AT));
    expect(errorsOf(updateSite(PUBLISHED, retired, BROOKLINE_KIOSK.id, { name: 'x' }, LATER))[0]?.message).toMatch(/retired/);
  });

  it('does not mutate the published list or the edits', () => {
    const base = deepFreeze(PUBLISHED.map((s) => ({ ...s, services: [...s.services] })));
    const edits = deepFreeze(ok(updateSite(base, NO_SITE_EDITS, BROOKLINE_KIOSK.id, { phone: null }, AT)));
    const snapshot = JSON.stringify([base, edits]);
    ok(updateSite(base, edits, ENGAGEMENT_CENTER.id, { services: ['medical care'] }, LATER));
    ok(moveSite(base, edits, BROOKLINE_KIOSK.id, [-71.1196, 42.3345], LATER));
    expect(JSON.stringify([base, edits])).toBe(snapshot);
  });
});

describe('moveSite', () => {
  it('sets the new coordinates and records them as pinned by a person', () => {
    const edits = ok(moveSite(PUBLISHED, NO_SITE_EDITS, BROOKLINE_KIOSK.id, [-71.11975, 42.33452], AT));
    expect(edits[BROOKLINE_KIOSK.id]?.site).toEqual({ ...BROOKLINE_KIOSK, coordinates: [-71.11975, 42.33452], coordPrecision: 'pinned' });
    expect(edits[BROOKLINE_KIOSK.id]?.kind).toBe('changed');
  });

  it('is a change even when dropped back on the same spot: a person confirmed the point', () => {
    const edits = ok(moveSite(PUBLISHED, NO_SITE_EDITS, BROOKLINE_KIOSK.id, BROOKLINE_KIOSK.coordinates, AT));
    expect(edits[BROOKLINE_KIOSK.id]?.site.coordPrecision).toBe('pinned');
  });

  it('refuses a point outside the service area', () => {
    const result = moveSite(PUBLISHED, NO_SITE_EDITS, BROOKLINE_KIOSK.id, [-72.5, 42.33], AT);
    expect(errorsOf(result)).toEqual([{ field: 'coordinates', message: expect.stringMatching(/outside the service area/) }]);
  });
});

describe('retireSite and restoreSite', () => {
  it('retires a published site, keeping its last version, and restores it to the published one (no edit left)', () => {
    const retired = ok(retireSite(PUBLISHED, NO_SITE_EDITS, ENGAGEMENT_CENTER.id, AT));
    expect(retired[ENGAGEMENT_CENTER.id]).toEqual({ kind: 'retired', site: ENGAGEMENT_CENTER, at: AT });
    expect(ok(restoreSite(PUBLISHED, retired, ENGAGEMENT_CENTER.id, LATER))).toEqual({});
  });

  it('restores a locally changed site with its change', () => {
    const changed = ok(updateSite(PUBLISHED, NO_SITE_EDITS, ENGAGEMENT_CENTER.id, { openingHours: 'Mo-Fr 07:00-15:00' }, AT));
    const retired = ok(retireSite(PUBLISHED, changed, ENGAGEMENT_CENTER.id, LATER));
    expect(retired[ENGAGEMENT_CENTER.id]?.site.openingHours).toBe('Mo-Fr 07:00-15:00');
    const restored = ok(restoreSite(PUBLISHED, retired, ENGAGEMENT_CENTER.id, LATER));
    expect(restored[ENGAGEMENT_CENTER.id]).toEqual({ kind: 'changed', site: { ...ENGAGEMENT_CENTER, openingHours: 'Mo-Fr 07:00-15:00' }, at: LATER });
  });

  it('restores a retired local addition as an addition', () => {
    const added = ok(addSite(PUBLISHED, NO_SITE_EDITS, NEW_KIOSK, AT));
    const retired = ok(retireSite(PUBLISHED, added, NEW_KIOSK.id, AT));
    expect(statuses(retired).at(-1)).toEqual([NEW_KIOSK.id, 'retired']);
    expect(ok(restoreSite(PUBLISHED, retired, NEW_KIOSK.id, LATER))[NEW_KIOSK.id]?.kind).toBe('added');
  });

  it('changes nothing when retiring twice or restoring a site that is not retired', () => {
    const retired = ok(retireSite(PUBLISHED, NO_SITE_EDITS, ENGAGEMENT_CENTER.id, AT));
    expect(ok(retireSite(PUBLISHED, retired, ENGAGEMENT_CENTER.id, LATER))).toBe(retired);
    expect(ok(restoreSite(PUBLISHED, NO_SITE_EDITS, ENGAGEMENT_CENTER.id, LATER))).toBe(NO_SITE_EDITS);
  });

  it('refuses unknown ids', () => {
    expect(errorsOf(retireSite(PUBLISHED, NO_SITE_EDITS, 'gone', AT))[0]?.field).toBe('id');
    expect(errorsOf(restoreSite(PUBLISHED, NO_SITE_EDITS, 'gone', AT))[0]?.field).toBe('id');
  });
});

describe('markVerified', () => {
  it('sets the last-verified day of every selected site', () => {
    const added = ok(addSite(PUBLISHED, NO_SITE_EDITS, { ...NEW_KIOSK, lastVerified: '2026-01-02' }, AT));
    const edits = ok(markVerified(PUBLISHED, added, [BROOKLINE_KIOSK.id, NEW_KIOSK.id], '2026-12-02', LATER));
    expect(edits[BROOKLINE_KIOSK.id]).toEqual({ kind: 'changed', site: { ...BROOKLINE_KIOSK, lastVerified: '2026-12-02' }, at: LATER });
    expect(edits[NEW_KIOSK.id]?.site.lastVerified).toBe('2026-12-02');
    expect(edits[NEW_KIOSK.id]?.kind).toBe('added');
    expect(edits[ENGAGEMENT_CENTER.id]).toBeUndefined();
  });

  it('leaves a site verified on that very day as it is', () => {
    expect(ok(markVerified(PUBLISHED, NO_SITE_EDITS, [ENGAGEMENT_CENTER.id], ENGAGEMENT_CENTER.lastVerified, AT))).toEqual({});
  });

  it('refuses a day that does not exist, and refuses everything when one id is unknown or retired', () => {
    expect(errorsOf(markVerified(PUBLISHED, NO_SITE_EDITS, [BROOKLINE_KIOSK.id], '2026-02-29', AT))[0]?.field).toBe('lastVerified');
    const retired = ok(retireSite(PUBLISHED, NO_SITE_EDITS, ENGAGEMENT_CENTER.id, AT));
    const errors = errorsOf(markVerified(PUBLISHED, retired, [BROOKLINE_KIOSK.id, 'gone', ENGAGEMENT_CENTER.id], '2026-12-02', LATER));
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('"gone"'), expect.stringContaining(ENGAGEMENT_CENTER.id)]);
  });
});

describe('settleEdits', () => {
  it('drops the edits the published list has caught up with and keeps the others', () => {
    let edits = ok(updateSite(PUBLISHED, NO_SITE_EDITS, BROOKLINE_KIOSK.id, { phone: null }, AT));
    edits = ok(updateSite(PUBLISHED, edits, ENGAGEMENT_CENTER.id, { phone: '617-534-5000' }, AT));
    edits = ok(retireSite(PUBLISHED, edits, CAMBRIDGE_POLICE.id, AT));
    edits = ok(addSite(PUBLISHED, edits, NEW_KIOSK, AT));
    const republished: Site[] = [{ ...BROOKLINE_KIOSK, phone: null }, ENGAGEMENT_CENTER, NEW_KIOSK];
    expect(Object.keys(settleEdits(republished, edits))).toEqual([ENGAGEMENT_CENTER.id]);
  });
});

describe('siteFromFeature', () => {
  it('reads back what siteToFeature wrote', () => {
    for (const site of [...PUBLISHED, NEW_KIOSK]) expect(siteFromFeature(siteToFeature(site))).toEqual(site);
  });
});

describe('edit history', () => {
  const v1 = ok(addSite(PUBLISHED, NO_SITE_EDITS, NEW_KIOSK, AT));
  const v2 = ok(retireSite(PUBLISHED, v1, ENGAGEMENT_CENTER.id, AT));
  const v3 = ok(moveSite(PUBLISHED, v2, BROOKLINE_KIOSK.id, [-71.1197, 42.3344], AT));

  it('undoes and redoes one state at a time', () => {
    const h = commit(commit(commit(startHistory(NO_SITE_EDITS), v1), v2), v3);
    expect(h.present).toBe(v3);
    const u1 = undo(h);
    expect(u1.present).toBe(v2);
    const u2 = undo(u1);
    expect(u2.present).toBe(v1);
    const u3 = undo(u2);
    expect(u3.present).toBe(NO_SITE_EDITS);
    expect(undo(u3)).toBe(u3);
    expect(redo(u3).present).toBe(v1);
    expect(redo(redo(u3)).present).toBe(v2);
    expect(redo(redo(redo(u3)))).toEqual(h);
    expect(redo(h)).toBe(h);
  });

  it('forgets what was undone once something new is committed', () => {
    const h = commit(undo(commit(commit(startHistory(NO_SITE_EDITS), v1), v2)), v3);
    expect(h).toEqual({ past: [NO_SITE_EDITS, v1], present: v3, future: [] });
  });

  it('does not record an operation that changed nothing', () => {
    const h = commit(startHistory(NO_SITE_EDITS), v1);
    expect(commit(h, h.present)).toBe(h);
  });

  it('keeps the last 50 states to undo to', () => {
    expect(HISTORY_LIMIT).toBe(50);
    const states: SiteEdits[] = Array.from({ length: 60 }, (_, i) => ({ ...v1, [`x-${i}`]: { kind: 'added', site: { ...NEW_KIOSK, id: `x-${i}` }, at: AT } }));
    let h = startHistory(NO_SITE_EDITS);
    for (const s of states) h = commit(h, s);
    expect(h.past).toHaveLength(50);
    expect(h.past[0]).toBe(states[9]);
    let undone = 0;
    while (undo(h) !== h) {
      h = undo(h);
      undone++;
    }
    expect(undone).toBe(50);
    expect(h.present).toBe(states[9]);
    expect(h.future).toHaveLength(50);
  });
});
