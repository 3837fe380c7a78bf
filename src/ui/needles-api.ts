// The 311 requests as the app keeps them: the published file plus the files a user imported (kept in IndexedDB). The
// app owns the merged table (the map, Sweeps and Coverage all read it); tools add and remove imports through this.
import type { NeedleImportReport } from '../datasets/import-311-session';
import type { NeedleRecord } from '../domain/needle-request';

/** One imported file: its records (Needle Pickup rows only, already validated) and when it was imported. */
export type NeedleImport = {
  /** Unique per import (the file name and the import time). */
  id: string;
  /** The file's name, as the user picked it. */
  name: string;
  /** ISO instant of the import. */
  importedAt: string;
  records: NeedleRecord[];
};

export type NeedlesApi = {
  /** The imports in the order they were made (a later import wins over an earlier one and over the published file). */
  imports: readonly Omit<NeedleImport, 'records'>[];
  /** How many requests of each import are in the merged table (the others were older copies of the same case). */
  countOf: (importId: string) => number;
  /** True once the saved imports were read from the browser. */
  loaded: boolean;
  /** A problem reading or saving the imports, or null. */
  warning: string | null;
  /**
   * Imports a 311 file in a Web Worker, which also merges and saves it (the page only swaps in the new table); its
   * Needle requests, if any, are added. `onProgress` gets the fraction read (0..1); rejects when `signal` aborts
   * while the file is read, or when the worker fails. Bad rows never reject: they are in the report.
   */
  importFile: (file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) => Promise<NeedleImportReport>;
  remove: (importId: string) => void;
};
