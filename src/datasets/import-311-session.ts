// What the 311 import worker keeps: the published requests, the user's imports (read from and saved to IndexedDB
// here, not on the page), and the merged table it hands to the page as packed columns whose buffers are transferred.
import type { NeedleImport } from '../ui/needles-api';
import { import311Stream, type Import311Result } from './import-311';
import { loadNeedleImports, saveNeedleImports, type LoadedNeedleImports } from './needle-import-store';
import { mergeNeedleImports } from './needle-merge';
import { needleTableFromPacked, packNeedleTable, type NeedleTable, type PackedNeedleColumns } from './needle-table';

export type NeedleImportSummary = Omit<NeedleImport, 'records'>;

/** The imports as the page shows them, after one change. */
export type NeedleImportsSnapshot = {
  /** Rises with every change: the page keeps the newest snapshot it got. */
  version: number;
  imports: NeedleImportSummary[];
  /** How many requests of each import are in the merged table. */
  countOf: [importId: string, count: number][];
  /** A problem reading, saving or merging the imports, or null. */
  warning: string | null;
  /** The published requests with the imports over them; null without imports (or when the merge failed). */
  table: PackedNeedleColumns | null;
};

/** An import's outcome without its records (they stay in the worker): counts, rejections and what was added. */
export type NeedleImportReport = Omit<Import311Result, 'records'> & {
  /** Needle requests the file added (0: nothing was imported). */
  added: number;
};

export type NeedleImportStorage = {
  load: () => Promise<LoadedNeedleImports>;
  save: (imports: readonly NeedleImport[]) => Promise<void>;
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The imports of one page (one worker): every change is merged, saved, and answered with a snapshot. */
export class NeedleImportSession {
  private published: NeedleTable | null;
  private imports: NeedleImport[] = [];
  private warning: string | null = null;
  private version = 0;
  private saving: Promise<void> = Promise.resolve();
  private readonly ready: Promise<void>;
  private readonly jobs = new Map<number, AbortController>();

  /** Starts reading the saved imports; `published` is the published table's columns (null while it is missing). */
  constructor(
    published: PackedNeedleColumns | null,
    private readonly storage: NeedleImportStorage = { load: loadNeedleImports, save: saveNeedleImports },
  ) {
    this.published = published && needleTableFromPacked(published);
    this.ready = storage.load().then(
      (r) => {
        this.imports = r.imports;
        this.warning = r.warning;
      },
      (e: unknown) => {
        this.warning = `Saved 311 imports could not be read: ${message(e)}`;
      },
    );
  }

  /** The imports once the saved ones are read. */
  async current(): Promise<NeedleImportsSnapshot> {
    await this.ready;
    return this.snapshot();
  }

  /** Merges the imports over another published table (e.g. once it has loaded). */
  async setPublished(published: PackedNeedleColumns | null): Promise<NeedleImportsSnapshot> {
    this.published = published && needleTableFromPacked(published);
    await this.ready;
    return this.snapshot();
  }

  /**
   * Imports a file's byte stream as import `summary` (recorded as `fileName` in each record). When it has Needle
   * requests they are added, merged and saved; the snapshot then comes with the report. `cancel(jobId)` stops it
   * while the file is read (the promise rejects); after that the import is kept.
   */
  async importStream(
    jobId: number,
    stream: ReadableStream<Uint8Array>,
    file: { name: string; size: number },
    summary: NeedleImportSummary,
    onProgress: (fraction: number) => void,
  ): Promise<{ report: NeedleImportReport; snapshot: NeedleImportsSnapshot | null }> {
    const abort = new AbortController();
    this.jobs.set(jobId, abort);
    try {
      const { records, ...rest } = await import311Stream(stream, { fileName: file.name, size: file.size, onProgress, signal: abort.signal });
      abort.signal.throwIfAborted();
      const report: NeedleImportReport = { ...rest, added: records.length };
      if (records.length === 0) return { report, snapshot: null };
      await this.ready;
      this.imports = [...this.imports, { ...summary, records }];
      return { report, snapshot: await this.changed() };
    } finally {
      this.jobs.delete(jobId);
    }
  }

  /** Stops the import `jobId` if it is still reading its file. */
  cancel(jobId: number): void {
    this.jobs.get(jobId)?.abort(new DOMException('The 311 import was cancelled', 'AbortError'));
  }

  /** Removes an import (and saves). */
  async remove(importId: string): Promise<NeedleImportsSnapshot> {
    await this.ready;
    this.imports = this.imports.filter((i) => i.id !== importId);
    return this.changed();
  }

  /** Saves the imports (after any save still running) and answers the merged snapshot. */
  private async changed(): Promise<NeedleImportsSnapshot> {
    const list = this.imports;
    const snapshot = this.snapshot();
    this.saving = this.saving.then(() =>
      this.storage.save(list).catch((e: unknown) => {
        this.warning = `The browser did not save the 311 imports: ${message(e)}`;
      }),
    );
    await this.saving;
    return { ...snapshot, warning: this.warning };
  }

  private snapshot(): NeedleImportsSnapshot {
    const imports = this.imports.map(({ records: _records, ...rest }) => rest);
    const base = { version: ++this.version, imports };
    if (this.imports.length === 0) return { ...base, countOf: [], warning: this.warning, table: null };
    try {
      const merged = mergeNeedleImports(this.published, this.imports);
      return { ...base, countOf: [...merged.countOf], warning: this.warning, table: packNeedleTable(merged.table) };
    } catch (e) {
      this.warning = `The imported 311 files could not be merged: ${message(e)}`;
      return { ...base, countOf: this.imports.map((i) => [i.id, 0]), warning: this.warning, table: null };
    }
  }
}
