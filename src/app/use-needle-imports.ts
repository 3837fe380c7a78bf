// The 311 requests the app shows: the published file with the user's imported files over it, kept in IndexedDB so a
// morning's import is still there after a reload. The merge and the store load only once an import exists.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NeedleTable } from '../datasets/needle-table';
import type { MergedNeedles } from '../datasets/needle-merge';
import type { NeedleImport, NeedlesApi } from '../ui/needles-api';

type MergeModule = typeof import('../datasets/needle-merge');
const NO_IMPORTS: readonly NeedleImport[] = Object.freeze([]);

/** `published`: the decoded public/data/needle-requests.json (null while loading or failed). */
export function useNeedleImports(published: NeedleTable | null): { needles: NeedleTable | null; api: NeedlesApi } {
  const [imports, setImports] = useState<readonly NeedleImport[]>(NO_IMPORTS);
  const [loaded, setLoaded] = useState(false);
  const [warning, setWarning] = useState<string | null>(null);
  const [merge, setMerge] = useState<MergeModule | null>(null);
  const saved = useRef<readonly NeedleImport[]>(NO_IMPORTS);

  useEffect(() => {
    let live = true;
    import('../datasets/needle-import-store')
      .then((m) => m.loadNeedleImports())
      .then(
        (r) => {
          if (!live) return;
          saved.current = r.imports;
          setImports(r.imports);
          setWarning(r.warning);
          setLoaded(true);
        },
        (e: unknown) => {
          if (!live) return;
          setWarning(`Saved 311 imports could not be read: ${e instanceof Error ? e.message : String(e)}`);
          setLoaded(true);
        },
      );
    return () => {
      live = false;
    };
  }, []);

  // Writes every change after the saved imports were read (so an early import cannot overwrite them unread).
  useEffect(() => {
    if (!loaded || imports === saved.current) return;
    saved.current = imports;
    import('../datasets/needle-import-store')
      .then((m) => m.saveNeedleImports(imports))
      .catch((e: unknown) => setWarning(`The browser did not save the 311 imports: ${e instanceof Error ? e.message : String(e)}`));
  }, [imports, loaded]);

  useEffect(() => {
    if (merge || imports.length === 0) return;
    let live = true;
    void import('../datasets/needle-merge').then((m) => live && setMerge(m));
    return () => {
      live = false;
    };
  }, [merge, imports.length]);

  const [merged, setMerged] = useState<MergedNeedles | null>(null);
  useEffect(() => {
    if (imports.length === 0 || !merge) {
      setMerged(null);
      return;
    }
    try {
      setMerged(merge.mergeNeedleImports(published, imports));
    } catch (e) {
      setMerged(null);
      setWarning(`The imported 311 files could not be merged: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [published, imports, merge]);

  const add = useCallback((imported: NeedleImport) => setImports((list) => [...list, imported]), []);
  const remove = useCallback((importId: string) => setImports((list) => list.filter((i) => i.id !== importId)), []);
  const countOf = useCallback((importId: string) => merged?.countOf.get(importId) ?? 0, [merged]);
  const summaries = useMemo(() => imports.map(({ records: _records, ...rest }) => rest), [imports]);
  const api: NeedlesApi = useMemo(() => ({ imports: summaries, countOf, loaded, warning, add, remove }), [summaries, countOf, loaded, warning, add, remove]);
  // Until the merge module is in, the published table is shown (an import is merged a moment later).
  const needles = imports.length === 0 ? published : (merged?.table ?? published);
  return { needles, api };
}
