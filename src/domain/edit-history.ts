// An undo history of immutable states (the Sites editor's local edits): commit, undo, redo, at most HISTORY_LIMIT back.

/** How many states undo can go back (older ones are forgotten). */
export const HISTORY_LIMIT = 50;

/** Undo history: `present` is what the app shows. */
export type EditHistory<T> = { past: T[]; present: T; future: T[] };

/** A history with nothing to undo or redo. */
export function startHistory<T>(present: T): EditHistory<T> {
  return { past: [], present, future: [] };
}

/**
 * Makes `next` the present, so undo brings back the previous present; clears redo. Keeps at most HISTORY_LIMIT
 * states to undo to. Committing the present itself (an operation that changed nothing) leaves the history as it is.
 */
export function commit<T>(history: EditHistory<T>, next: T): EditHistory<T> {
  if (next === history.present) return history;
  return { past: [...history.past, history.present].slice(-HISTORY_LIMIT), present: next, future: [] };
}

/** Goes back one state (nothing to undo → the same history). */
export function undo<T>(history: EditHistory<T>): EditHistory<T> {
  if (history.past.length === 0) return history;
  const previous = history.past[history.past.length - 1] as T;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

/** Goes forward one undone state (nothing to redo → the same history). */
export function redo<T>(history: EditHistory<T>): EditHistory<T> {
  if (history.future.length === 0) return history;
  const next = history.future[0] as T;
  return { past: [...history.past, history.present].slice(-HISTORY_LIMIT), present: next, future: history.future.slice(1) };
}
