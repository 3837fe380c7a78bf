// Tests for the zones panel's draw-session state machine (pure transitions, no map, no React).
import { describe, expect, it } from 'vitest';
import {
  drawSessionTransition,
  editingZoneId,
  IDLE_SESSION,
  isBusy,
  type DrawSessionEvent,
  type DrawSessionState,
} from '../../../../src/tools/zones/draw-session';

const run = (...events: DrawSessionEvent[]): DrawSessionState => events.reduce(drawSessionTransition, IDLE_SESSION);
const editingA = run({ type: 'start-editing', zoneId: 'a' }, { type: 'tool-mode', mode: 'editing' });
const drawing = run({ type: 'start-drawing' }, { type: 'tool-mode', mode: 'drawing' });

describe('drawSessionTransition', () => {
  it('starts idle and not busy', () => {
    expect(IDLE_SESSION).toEqual({ session: { kind: 'idle' }, toolMode: 'idle' });
    expect(isBusy(IDLE_SESSION)).toBe(false);
    expect(editingZoneId(IDLE_SESSION)).toBeNull();
  });

  it('is busy as soon as the user starts drawing, before terra-draw has loaded', () => {
    const state = run({ type: 'start-drawing' });
    expect(state).toEqual({ session: { kind: 'drawing' }, toolMode: 'idle' });
    expect(isBusy(state)).toBe(true);
  });

  it('records what terra-draw reports, separately from what the user started', () => {
    expect(drawing).toEqual({ session: { kind: 'drawing' }, toolMode: 'drawing' });
    expect(editingA).toEqual({ session: { kind: 'editing', zoneId: 'a' }, toolMode: 'editing' });
    expect(editingZoneId(editingA)).toBe('a');
  });

  it('ends the session when terra-draw goes idle (a finished drawing, its own Escape)', () => {
    expect(drawSessionTransition(drawing, { type: 'tool-mode', mode: 'idle' })).toEqual(IDLE_SESSION);
    expect(drawSessionTransition(editingA, { type: 'tool-mode', mode: 'idle' })).toEqual(IDLE_SESSION);
  });

  it('does not end a session while terra-draw only switches between drawing and editing', () => {
    expect(drawSessionTransition(editingA, { type: 'tool-mode', mode: 'drawing' }).session).toEqual({ kind: 'editing', zoneId: 'a' });
  });

  it('starting to draw while editing forgets the edited zone', () => {
    const state = drawSessionTransition(editingA, { type: 'start-drawing' });
    expect(state.session).toEqual({ kind: 'drawing' });
    expect(editingZoneId(state)).toBeNull();
  });

  it.each(['cancel', 'finish', 'reset'] as const)('%s ends any session but leaves the tool mode to terra-draw', (type) => {
    expect(drawSessionTransition(editingA, { type })).toEqual({ session: { kind: 'idle' }, toolMode: 'editing' });
    expect(drawSessionTransition(drawing, { type }).session).toEqual({ kind: 'idle' });
  });

  it('a failed edit ends the session only if that zone is still the one being edited', () => {
    expect(drawSessionTransition(editingA, { type: 'edit-failed', zoneId: 'a' }).session).toEqual({ kind: 'idle' });
    expect(drawSessionTransition(editingA, { type: 'edit-failed', zoneId: 'b' })).toBe(editingA);
    expect(drawSessionTransition(drawing, { type: 'edit-failed', zoneId: 'a' })).toBe(drawing);
  });

  it('deleting the zone being edited ends the session; deleting another zone does not', () => {
    expect(drawSessionTransition(editingA, { type: 'zone-removed', zoneId: 'a' }).session).toEqual({ kind: 'idle' });
    expect(drawSessionTransition(editingA, { type: 'zone-removed', zoneId: 'b' })).toBe(editingA);
    expect(drawSessionTransition(drawing, { type: 'zone-removed', zoneId: 'a' })).toBe(drawing);
  });

  it('returns the same state object when nothing changes, so React skips a render', () => {
    expect(drawSessionTransition(IDLE_SESSION, { type: 'cancel' })).toBe(IDLE_SESSION);
    expect(drawSessionTransition(drawing, { type: 'tool-mode', mode: 'drawing' })).toBe(drawing);
  });

  it('does not mutate the state it was given', () => {
    const before = structuredClone(editingA);
    drawSessionTransition(editingA, { type: 'cancel' });
    drawSessionTransition(editingA, { type: 'tool-mode', mode: 'idle' });
    expect(editingA).toEqual(before);
  });
});
