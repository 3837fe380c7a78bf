// The 311 requests the app shows: the published file with the user's imported files over it, kept in IndexedDB so a
// morning's import is still there after a reload. A Web Worker reads, merges and saves the imports (a year of them is
// too much to copy or merge on the main thread); it starts only once an import exists or is made.
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NeedleImportsClient, NeedleImportsState } from '../datasets/import-311-client';
import type { NeedleTable } from '../datasets/needle-table';
import type { NeedlesApi } from '../ui/needles-api';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** `published`: the decoded public/data/needle-requests.json (null while loading or failed). */
export function useNeedleImports(published: NeedleTable | null): { needles: NeedleTable | null; api: NeedlesApi } {
  const [state, setState] = useState<NeedleImportsState | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const client = useRef<Promise<NeedleImportsClient> | null>(null);
  const publishedNow = useRef(published);

  const getClient = useCallback((): Promise<NeedleImportsClient> => {
    client.current ??= import('../datasets/import-311-client').then((m) => {
      const c = m.createNeedleImportsClient(
        // A transition: every tool recomputes what it shows from the new table, and React may then yield between
        // components (and to the user's input) instead of doing it all in one task.
        (s) =>
          startTransition(() => {
            setState(s);
            setLoaded(true);
          }),
        (error) => {
          setProblem(error);
          setLoaded(true);
        },
      );
      c.setPublished(publishedNow.current);
      return c;
    });
    return client.current;
  }, []);

  useEffect(() => {
    publishedNow.current = published;
    void client.current?.then((c) => c.setPublished(published));
  }, [published]);

  // Only a question to IndexedDB here (is anything saved?): the records are read in the worker.
  useEffect(() => {
    let live = true;
    import('../datasets/needle-import-store')
      .then((m) => m.hasSavedNeedleImports())
      .then(
        (saved) => {
          if (!live) return;
          if (saved) void getClient().then((c) => c.start());
          else setLoaded(true);
        },
        (e: unknown) => {
          if (!live) return;
          setProblem(`Saved 311 imports could not be read: ${message(e)}`);
          setLoaded(true);
        },
      );
    return () => {
      live = false;
    };
  }, [getClient]);

  useEffect(
    () => () => {
      const c = client.current;
      client.current = null;
      void c?.then((x) => x.dispose());
    },
    [],
  );

  const importFile = useCallback<NeedlesApi['importFile']>((file, onProgress, signal) => getClient().then((c) => c.importFile(file, onProgress, signal)), [getClient]);
  const remove = useCallback((importId: string) => void getClient().then((c) => c.remove(importId)), [getClient]);
  const countOf = useCallback((importId: string) => state?.countOf.get(importId) ?? 0, [state]);
  const imports = state?.imports ?? NO_IMPORTS;
  const warning = problem ?? state?.warning ?? null;
  const api: NeedlesApi = useMemo(() => ({ imports, countOf, loaded, warning, importFile, remove }), [imports, countOf, loaded, warning, importFile, remove]);
  // Until the worker answers, the published table is shown (an import joins it a moment later).
  const needles = state && state.imports.length > 0 && state.table ? state.table : published;
  return { needles, api };
}

const NO_IMPORTS: NeedleImportsState['imports'] = Object.freeze([]);
