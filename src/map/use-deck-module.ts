// Loads the deck.gl chunk once (started early by main.tsx) and hands it to React when it arrives.
import { useEffect, useState } from 'react';

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

export function useDeckModule(): DeckModule | null {
  const [mod, setMod] = useState<DeckModule | null>(null);
  useEffect(() => {
    let live = true;
    void loadDeckModule().then((m) => live && setMod(() => m));
    return () => {
      live = false;
    };
  }, []);
  return mod;
}
