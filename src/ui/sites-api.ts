// The site list as the app keeps it: the published list, the local edits over it (kept in IndexedDB), undo/redo and
// reset. The app owns it (the map, Find and the Manage tab all read the edited list); tools change it through this.
import type { Site } from '../domain/site';
import type { SiteEditResult, SiteEdits, SiteFieldError, EffectiveSite } from '../domain/site-edits';

export type SiteEditOp = (published: readonly Site[], edits: SiteEdits) => SiteEditResult;

export type SitesApi = {
  /** The published list (public/data/sites.geojson), or null while it loads (or when it failed). */
  published: readonly Site[] | null;
  /** Every site with its status (published, added, changed, retired), or null until the list and edits are read. */
  entries: readonly EffectiveSite[] | null;
  edits: SiteEdits;
  /** True once the saved edits were read from the browser (before that, edits is empty). */
  editsLoaded: boolean;
  /** Whether the browser holds the present edits: 'saving' right after an edit, 'saved' once written. */
  saveState: 'saving' | 'saved' | 'failed';
  /** A problem with the saved edits (unreadable, or the browser refused to save), or null. */
  warning: string | null;
  canUndo: boolean;
  canRedo: boolean;
  /** Runs an edit over the current list; on success it becomes the present (undoable) and is saved. */
  apply: (op: SiteEditOp) => SiteFieldError[] | null;
  undo: () => void;
  redo: () => void;
  /** Drops every local edit (undoable until the page is left). */
  reset: () => void;
};
