// The zones panel's draw session as a pure state machine: idle, drawing a new zone, or editing one zone's outline.
import type { ZoneDrawMode } from '../../map/zone-draw';

/**
 * `session` is what the user started (set at once, while terra-draw's code may still be loading); `toolMode` is what
 * terra-draw reports it is really doing (map clicks reach it only once it is on).
 */
export type DrawSessionState = {
  session: { kind: 'idle' } | { kind: 'drawing' } | { kind: 'editing'; zoneId: string };
  toolMode: ZoneDrawMode;
};

export type DrawSessionEvent =
  /** The user pressed "Draw zone". */
  | { type: 'start-drawing' }
  /** The user pressed "Edit outline" on a zone. */
  | { type: 'start-editing'; zoneId: string }
  /** terra-draw went idle, started drawing or started editing (its own Escape, a finished drawing, a stop). */
  | { type: 'tool-mode'; mode: ZoneDrawMode }
  /** terra-draw could not edit this zone's outline (e.g. it fails terra-draw's validation). */
  | { type: 'edit-failed'; zoneId: string }
  /** The user pressed Cancel, or saved the outline: either way the session ends. */
  | { type: 'cancel' }
  | { type: 'finish' }
  /** A zone was deleted (ends the session if that zone was being edited). */
  | { type: 'zone-removed'; zoneId: string }
  /** All zones were replaced by the defaults. */
  | { type: 'reset' };

export const IDLE_SESSION: DrawSessionState = { session: { kind: 'idle' }, toolMode: 'idle' };

const IDLE = { kind: 'idle' } as const;

/** The next state; returns `state` itself when nothing changes (so React skips the render). */
export function drawSessionTransition(state: DrawSessionState, event: DrawSessionEvent): DrawSessionState {
  switch (event.type) {
    case 'start-drawing':
      return { ...state, session: { kind: 'drawing' } };
    case 'start-editing':
      return { ...state, session: { kind: 'editing', zoneId: event.zoneId } };
    case 'tool-mode':
      if (event.mode === state.toolMode) return state;
      // terra-draw going idle ends whatever the user had started; starting is announced by the user's own event.
      return { toolMode: event.mode, session: event.mode === 'idle' ? IDLE : state.session };
    case 'edit-failed':
      return editingZoneId(state) === event.zoneId ? { ...state, session: IDLE } : state;
    case 'zone-removed':
      return editingZoneId(state) === event.zoneId ? { ...state, session: IDLE } : state;
    case 'cancel':
    case 'finish':
    case 'reset':
      return state.session.kind === 'idle' ? state : { ...state, session: IDLE };
  }
}

/** True while a session is on: "Draw zone" and "Edit outline" are disabled, "Cancel" is shown. */
export function isBusy(state: DrawSessionState): boolean {
  return state.session.kind !== 'idle';
}

/** The zone whose outline is being edited (the map hides it while terra-draw shows it), or null. */
export function editingZoneId(state: DrawSessionState): string | null {
  return state.session.kind === 'editing' ? state.session.zoneId : null;
}
