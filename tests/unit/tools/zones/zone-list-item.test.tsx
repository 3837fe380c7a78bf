// Tests for one zone's list item: what it shows (name or rename form, badges) and when "Edit outline" is possible.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { MultiPolygon, Polygon } from 'geojson';
import zonesEn from '../../../../src/tools/zones/zones-en.json';
import { ZoneListItem, type ZoneListItemProps } from '../../../../src/tools/zones/zone-list-item';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: zonesEn } }, interpolation: { escapeValue: false } });
});

const square: Polygon = { type: 'Polygon', coordinates: [[[-71.084, 42.329], [-71.08, 42.329], [-71.08, 42.332], [-71.084, 42.329]]] };
const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [square.coordinates] };
const noop = () => null;

function render(overrides: Partial<ZoneListItemProps> = {}, geometry: Polygon | MultiPolygon = square, approximate = true): string {
  const props: ZoneListItemProps = {
    zone: {
      type: 'Feature',
      geometry,
      properties: { id: 'nubian', name: 'Nubian Square', team: 'PAATHS', notes: '', approximate, source: 'City of Boston' },
    },
    editing: false,
    renaming: false,
    canEdit: true,
    onEdit: noop,
    onStartRename: noop,
    onRename: noop,
    onCancelRename: noop,
    onDelete: noop,
    ...overrides,
  };
  return renderToStaticMarkup(<ZoneListItem {...props} />);
}

const editButton = (html: string) => /<button[^>]*data-testid="zone-edit"[^>]*>/.exec(html)?.[0] ?? '';

describe('ZoneListItem', () => {
  it('shows the name, the approximate badge, team and source, and three labelled buttons', () => {
    const html = render();
    expect(html).toMatch(/^<li data-testid="zone-item" data-zone-id="nubian" class="zone-item">/);
    expect(html).toContain('<span class="zone-name" data-testid="zone-name">Nubian Square</span>');
    expect(html).toContain('data-testid="zone-approximate"');
    expect(html).toContain('Team: PAATHS');
    expect(html).toContain('Source: City of Boston');
    expect(html).toContain('aria-label="Edit outline of Nubian Square"');
    expect(html).toContain('aria-label="Rename Nubian Square"');
    expect(html).toContain('aria-label="Delete Nubian Square"');
  });

  it('leaves out the source of a zone that is not approximate', () => {
    const html = render({}, square, false);
    expect(html).not.toContain('zone-approximate');
    expect(html).not.toContain('Source:');
    expect(html).toContain('Team: PAATHS');
  });

  it('lets an outline be edited only when the panel allows it', () => {
    expect(editButton(render())).not.toContain('disabled');
    expect(editButton(render({ canEdit: false }))).toContain('disabled');
  });

  it('never lets a MultiPolygon be edited on the map, and says why', () => {
    const button = editButton(render({}, multi));
    expect(button).toContain('disabled');
    expect(button).toContain('title="This zone has several parts');
  });

  it('highlights the zone being edited', () => {
    expect(render({ editing: true })).toMatch(/^<li [^>]*class="zone-item editing"/);
  });

  it('shows the rename form, filled with the current name, instead of the name', () => {
    const html = render({ renaming: true });
    expect(html).not.toContain('data-testid="zone-name"');
    expect(html).toMatch(/<input id="zone-name-nubian" data-testid="zone-name-input" data-focus-key="name-nubian" required="" value="Nubian Square"\/>/);
    expect(html).toContain('New name for Nubian Square');
  });

  it('shows its children (the delete confirmation) inside the item', () => {
    const html = renderToStaticMarkup(
      <ZoneListItem {...{ zone: { type: 'Feature', geometry: square, properties: { id: 'a', name: 'A', team: '', notes: '', approximate: false, source: '' } }, editing: false, renaming: false, canEdit: true, onEdit: noop, onStartRename: noop, onRename: noop, onCancelRename: noop, onDelete: noop }}>
        <p data-testid="inside">confirm?</p>
      </ZoneListItem>,
    );
    expect(html).toMatch(/<p data-testid="inside">confirm\?<\/p><\/li>$/);
  });
});
