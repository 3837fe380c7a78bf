// The site list the app shows: the published list with the local edits (IndexedDB) over it, with undo/redo and reset.
// The edit code (it validates with the opening_hours parser) loads only when there are edits or the editor is open,
// so the first screen stays as light as before.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SiteCollection, SiteFeature } from '../domain/site';
import type { EffectiveSite, SiteEdits } from '../domain/site-edits';
import { commit, redo, startHistory, undo, type EditHistory } from '../domain/edit-history';
import type { SiteEditOp, SitesApi } from '../ui/sites-api';

type EditModule = typeof import('../domain/site-edits') & Pick<typeof import('../datasets/parse-sites-csv'), 'siteToFeature'>;
type StoreModule = typeof import('../datasets/site-edit-store');

const NO_EDITS: SiteEdits = Object.freeze({});

function loadEditModule(): Promise<EditModule> {
  return Promise.all([import('../domain/site-edits'), import('../datasets/parse-sites-csv')]).then(([edits, csv]) => ({ ...edits, siteToFeature: csv.siteToFeature }));
}

/**
 * `published`: the features of public/data/sites.geojson (null while loading). `editorOpen`: the Manage tab is
 * showing (its code needs the edit module anyway). Returns the sites to draw and hand to the tools, and the API.
 */
export function useSiteEdits(published: SiteCollection | null, editorOpen: boolean): { sites: SiteCollection | null; api: SitesApi } {
  const [history, setHistory] = useState<EditHistory<SiteEdits>>(() => startHistory(NO_EDITS));
  const [editsLoaded, setEditsLoaded] = useState(false);
  const [warning, setWarning] = useState<string | null>(null);
  const [mod, setMod] = useState<EditModule | null>(null);
  const store = useRef<Promise<StoreModule> | null>(null);
  const storeModule = () => (store.current ??= import('../datasets/site-edit-store'));

  useEffect(() => {
    let live = true;
    storeModule()
      .then((m) => m.loadSiteEdits())
      .then(
        (loaded) => {
          if (!live) return;
          setHistory(startHistory(loaded.edits));
          written.current = loaded.edits;
          setPersisted({ edits: loaded.edits, ok: true });
          setWarning(loaded.warning);
          setEditsLoaded(true);
        },
        (e: unknown) => {
          if (!live) return;
          setWarning(`Saved site edits could not be read: ${e instanceof Error ? e.message : String(e)}`);
          setEditsLoaded(true);
        },
      );
    return () => {
      live = false;
    };
  }, []);

  const edits = history.present;
  const hasEdits = Object.keys(edits).length > 0;
  useEffect(() => {
    if (mod || !(hasEdits || editorOpen)) return;
    let live = true;
    void loadEditModule().then((m) => live && setMod(m));
    return () => {
      live = false;
    };
  }, [mod, hasEdits, editorOpen]);

  const base = useMemo(() => (mod && published ? published.features.map((f) => mod.siteFromFeature(f)) : null), [mod, published]);
  const entries = useMemo<EffectiveSite[] | null>(() => (mod && base ? mod.effectiveSites(base, edits) : null), [mod, base, edits]);
  const sites = useMemo<SiteCollection | null>(() => {
    if (!published) return null;
    // No edits: the published features as loaded (no conversion, no extra code on the first screen).
    if (!hasEdits) return published;
    if (!mod || !entries) return published;
    const features: SiteFeature[] = entries.filter((e) => e.status !== 'retired').map((e) => mod.siteToFeature(e.site));
    return { type: 'FeatureCollection', features };
  }, [published, hasEdits, mod, entries]);

  // Saving: every new present is written at once, in order (a chain of writes, so the last edit is the one kept);
  // the editor says when the browser holds it ('saving' from the render that made the edit until its write is done),
  // so nothing is lost by closing the tab right after an edit.
  const written = useRef<SiteEdits>(NO_EDITS);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const [persisted, setPersisted] = useState<{ edits: SiteEdits; ok: boolean }>({ edits: NO_EDITS, ok: true });
  useEffect(() => {
    if (!editsLoaded || edits === written.current) return;
    written.current = edits;
    chain.current = chain.current.then(async () => {
      const m = await storeModule();
      const r = Object.keys(edits).length === 0 ? await m.clearSiteEdits() : await m.saveSiteEdits(edits);
      setWarning(r.ok ? null : r.warning);
      setPersisted({ edits, ok: r.ok });
    });
  }, [edits, editsLoaded]);
  const saveState: SitesApi['saveState'] = !editsLoaded || persisted.edits === edits ? (persisted.ok ? 'saved' : 'failed') : 'saving';

  const apply = useCallback(
    (op: SiteEditOp) => {
      if (!base) return [{ field: 'id' as const, message: 'the site list is still loading' }];
      const result = op(base, history.present);
      if (!result.ok) return result.errors;
      setHistory((h) => commit(h, result.edits));
      return null;
    },
    [base, history.present],
  );

  const api: SitesApi = {
    published: base,
    entries,
    edits,
    editsLoaded,
    warning,
    saveState,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    apply,
    undo: useCallback(() => setHistory((h) => undo(h)), []),
    redo: useCallback(() => setHistory((h) => redo(h)), []),
    reset: useCallback(() => setHistory((h) => commit(h, NO_EDITS)), []),
  };
  return { sites, api };
}
