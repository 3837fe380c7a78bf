// React access to "is this point near a park or playground?" (within 200 m), loaded once per tab from the parks file:
// Sweeps' stop priority and Coverage's equity figures.
import { useEffect, useState } from 'react';
import { DATA_FILES } from '../config/city';
import { loadDecoded } from '../datasets/load-data';
import { decodeParks } from '../datasets/parks';
import { createParkProximity } from '../geo/park-proximity';

export type NearPark = (p: readonly [number, number]) => boolean;

/** Loads the parks once; `nearPark` is null until loaded, and `failed` says when the file could not be read. */
export function useNearPark(baseUrl: string): { nearPark: NearPark | null; failed: boolean } {
  const [state, setState] = useState<{ nearPark: NearPark | null; failed: boolean }>({ nearPark: null, failed: false });
  useEffect(() => {
    let live = true;
    loadDecoded(new URL(DATA_FILES.parks, baseUrl).toString(), decodeParks).then(
      (parks) => live && setState({ nearPark: createParkProximity(parks), failed: false }),
      () => live && setState({ nearPark: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [baseUrl]);
  return state;
}
