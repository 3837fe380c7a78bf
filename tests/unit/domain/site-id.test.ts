import { describe, expect, it } from 'vitest';
import { SITE_ID_PATTERN } from '../../../src/domain/site';
import { siteIdFromName, uniqueSiteId } from '../../../src/domain/site-id';

describe('siteIdFromName', () => {
  it('makes kebab-case ids, dropping accents and punctuation', () => {
    expect(siteIdFromName('Café São João – Drop-in (Main St.)')).toBe('cafe-sao-joao-drop-in-main-st');
    expect(siteIdFromName('  AHOPE  ')).toBe('ahope');
  });

  it("gives 'site' when nothing usable is left, and at most 80 characters", () => {
    expect(siteIdFromName('日本語')).toBe('site');
    const long = siteIdFromName('a very long name '.repeat(10));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(SITE_ID_PATTERN.test(long) && !long.endsWith('-')).toBe(true);
  });
});

describe('uniqueSiteId', () => {
  it('adds -2, -3... when the id is taken', () => {
    expect(uniqueSiteId('kiosk', new Set())).toBe('kiosk');
    expect(uniqueSiteId('kiosk', new Set(['kiosk']))).toBe('kiosk-2');
    expect(uniqueSiteId('kiosk', new Set(['kiosk', 'kiosk-2']))).toBe('kiosk-3');
  });

  it('keeps a suffixed id within 80 characters', () => {
    const base = 'a'.repeat(80);
    const id = uniqueSiteId(base, new Set([base]));
    expect(id).toBe(`${'a'.repeat(78)}-2`);
    expect(SITE_ID_PATTERN.test(id)).toBe(true);
  });
});
