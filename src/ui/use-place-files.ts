// React access to the shared place files (geocoder index, walking graph, area outlines): loading, error or ready.
import { useEffect, useState } from 'react';
import { loadPlaceFiles, type PlaceFiles } from '../datasets/place-files';

export type PlaceFilesState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; files: PlaceFiles };

/** Loads the place files from `baseUrl` once per page (shared by every tool) and reports their state. */
export function usePlaceFiles(baseUrl: string): PlaceFilesState {
  const [loaded, setLoaded] = useState<PlaceFilesState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadPlaceFiles(baseUrl).then(
      (files) => live && setLoaded({ status: 'ready', files }),
      (e: unknown) => live && setLoaded({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [baseUrl]);
  return loaded;
}
