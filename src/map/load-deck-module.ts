// Loads the deck.gl chunk once, the first time a tool draws deck.gl layers.
export type DeckModule = typeof import('./deck-module');

let pending: Promise<DeckModule> | null = null;

/** Starts (or joins) the download of the deck.gl chunk. */
export function loadDeckModule(): Promise<DeckModule> {
  pending ??= import('./deck-module').then((m) => {
    performance.mark('hrm:deck-loaded');
    return m;
  });
  return pending;
}
