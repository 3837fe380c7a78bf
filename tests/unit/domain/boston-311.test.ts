import { describe, expect, it } from 'vitest';
import { bostonDateFrom311, defaultLocationReason, normalizeZip, testOrInvalidCaseReason } from '../../../src/domain/boston-311';

describe('bostonDateFrom311', () => {
  it('reads the old export form as a local date', () => {
    expect(bostonDateFrom311('05/15/2015 02:40:00 PM')).toBe('2015-05-15');
    expect(bostonDateFrom311('12/31/2015 11:59:59 PM')).toBe('2015-12-31');
  });

  it('reads ISO timestamps without a zone as local dates', () => {
    expect(bostonDateFrom311('2024-03-01 23:59:00')).toBe('2024-03-01');
    expect(bostonDateFrom311('2024-03-01T00:00:00.000')).toBe('2024-03-01');
    expect(bostonDateFrom311('2024-03-01')).toBe('2024-03-01');
  });

  it('converts UTC and offset timestamps to the Boston date', () => {
    expect(bostonDateFrom311('2024-03-02T03:30:00Z')).toBe('2024-03-01');
    expect(bostonDateFrom311('2024-07-02 03:30:00+00')).toBe('2024-07-01');
    expect(bostonDateFrom311('2024-07-02T12:00:00-04:00')).toBe('2024-07-02');
  });

  it('returns null for anything that is not a real date', () => {
    for (const s of ['', 'yesterday', '13/45/2015 01:00:00 PM', '2025-02-29', '2024-03-01T25:00:00Z']) expect(bostonDateFrom311(s)).toBeNull();
  });

  it('returns null for a date with other text before or after it (both forms are anchored)', () => {
    for (const s of [
      'x05/15/2015 02:40:00 PM',
      '105/15/2015',
      '05/15/2015 02:40:00 PM junk',
      '05/15/20151',
      'id 2024-03-01',
      '12024-03-01',
      '2024-03-01 junk',
      '2024-03-01T10:00:00Zjunk',
      '2024-03-011',
    ]) {
      expect(bostonDateFrom311(s), s).toBeNull();
    }
  });
});

describe('normalizeZip', () => {
  it('pads and cleans ZIP codes', () => {
    expect(normalizeZip('2118.0')).toBe('02118');
    expect(normalizeZip('2118')).toBe('02118');
    expect(normalizeZip('02118-1234')).toBe('02118');
  });

  it('returns null for empty or non-ZIP values', () => {
    expect([normalizeZip(''), normalizeZip(null), normalizeZip(undefined), normalizeZip('Boston')]).toEqual([null, null, null, null]);
  });

  it('returns null for a ZIP with other text before or after it', () => {
    for (const s of ['MA 02118', '02118 Boston', '021180', '02118-12345']) expect(normalizeZip(s), s).toBeNull();
  });
});

describe('defaultLocationReason', () => {
  it('flags City Hall and the geocoder default, and nothing a few blocks away', () => {
    expect(defaultLocationReason(-71.0583, 42.3604)).toBe('default City Hall location (not a real place)');
    expect(defaultLocationReason(-71.0587, 42.3594)).toMatch(/geocoder/);
    expect(defaultLocationReason(-71.0590, 42.3604)).toBeNull();
  });
});

describe('testOrInvalidCaseReason', () => {
  it('spots test cases by title or by a "Case Invalid ... TEST" closure', () => {
    expect(testOrInvalidCaseReason('TEST - ignore', null)).toBe('test case');
    expect(testOrInvalidCaseReason('Needle Pickup', 'Case Invalid test only')).toBe('test case');
  });

  it('spots other Case Invalid closures, and leaves real cases alone', () => {
    expect(testOrInvalidCaseReason('Needle Pickup', 'Case Closed. Case Invalid wrong eform')).toBe('closed by 311 as "Case Invalid"');
    expect(testOrInvalidCaseReason('Needle Pickup', 'Case Resolved. Contested area swept')).toBeNull();
  });
});
