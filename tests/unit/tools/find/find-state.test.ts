// The Find slice: URL round trip, per-part fallback on malformed values, lat,lng order in `at`.
import { describe, expect, it } from 'vitest';
import { effectiveEveryone, findSlice, FIND_INITIAL, parsePoint, setOpenNow, setPoint, setQuestion, setEveryone, type FindState } from '../../../../src/tools/find/find-state';

const fromUrl = (query: string) => findSlice.fromUrl(new URLSearchParams(query), FIND_INITIAL);
const toQuery = (s: FindState) => new URLSearchParams(findSlice.toUrl(s)).toString();

describe('find state', () => {
  it('writes nothing for the initial state', () => {
    expect(findSlice.toUrl(FIND_INITIAL)).toEqual([]);
  });

  it('round-trips every part', () => {
    let s = setPoint(FIND_INITIAL, [-71.058291234, 42.360412345]);
    s = setQuestion(s, 'treatment');
    s = setOpenNow(s, true);
    s = setEveryone(s, false);
    expect(toQuery(s)).toBe('at=42.36041%2C-71.05829&q=treatment&open=1&all=0');
    expect(fromUrl(toQuery(s))).toEqual(s);
    expect(s.point).toEqual([-71.05829, 42.36041]);
  });

  it('reads at as lat,lng and stores [lng, lat]', () => {
    expect(fromUrl('at=42.36041,-71.05829').point).toEqual([-71.05829, 42.36041]);
    // Swapped order lands outside the service area: rejected, not silently flipped.
    expect(fromUrl('at=-71.05829,42.36041').point).toBeNull();
  });

  it('falls back part by part on malformed values', () => {
    const s = fromUrl('at=abc,1&q=nope&open=yes&all=maybe');
    expect(s).toEqual(FIND_INITIAL);
    const t = fromUrl('at=42.1,-71&q=found-needle&open=1');
    expect(t.point).toBeNull(); // south of the service area
    expect(t.question).toBe('found-needle');
    expect(t.openNow).toBe(true);
    expect(t.everyone).toBeNull();
  });

  it('reads the newer filters and refuses odd language values', () => {
    const s = fromUrl('h24=1&wc=1&lang=Haitian%20Creole&all=1');
    expect([s.open247, s.wheelchair, s.language, s.everyone]).toEqual([true, true, 'Haitian Creole', true]);
    expect(fromUrl('lang=<script>').language).toBeNull();
    expect(fromUrl('lang=' + 'a'.repeat(41)).language).toBeNull();
    expect(fromUrl(toQuery(s))).toEqual(s);
  });

  it('open to everyone: the choice wins, else on for the disposal questions in Boston only', () => {
    const at = (question: FindState['question'], everyone: boolean | null) => ({ ...FIND_INITIAL, question, everyone });
    expect(effectiveEveryone(at('dispose', null), true)).toBe(true);
    expect(effectiveEveryone(at('found-needle', null), true)).toBe(true);
    expect(effectiveEveryone(at('dispose', null), false)).toBe(false);
    expect(effectiveEveryone(at('treatment', null), true)).toBe(false);
    expect(effectiveEveryone(at('dispose', false), true)).toBe(false);
    expect(effectiveEveryone(at('treatment', true), false)).toBe(true);
  });

  it('rejects points with extra or missing parts', () => {
    expect(parsePoint('42.36')).toBeNull();
    expect(parsePoint('42.36,-71.05,3')).toBeNull();
    expect(parsePoint(',-71.05')).toBeNull();
    expect(parsePoint('NaN,-71.05')).toBeNull();
  });

  it('updaters return the same object when nothing changes', () => {
    expect(setQuestion(FIND_INITIAL, 'dispose')).toBe(FIND_INITIAL);
    expect(setOpenNow(FIND_INITIAL, false)).toBe(FIND_INITIAL);
    expect(setPoint(FIND_INITIAL, null)).toBe(FIND_INITIAL);
    const p = setPoint(FIND_INITIAL, [-71.05, 42.36]);
    expect(setPoint(p, [-71.05, 42.36])).toBe(p);
  });
});
