// Web Worker: imports 311 files off the main thread (the file's byte stream through the streaming importer), keeps the
// imports (IndexedDB), merges them with the published requests and hands the table back transferred; comlink.
import * as Comlink from 'comlink';
import { NeedleImportSession, type NeedleImportReport, type NeedleImportSummary, type NeedleImportsSnapshot } from './import-311-session';
import { packedBuffers, type PackedNeedleColumns } from './needle-table';

let session: NeedleImportSession | null = null;
const open = (): NeedleImportSession => {
  if (session === null) throw new Error('the 311 import worker was not started');
  return session;
};

/** The snapshot with its table's buffers transferred (the worker has no use for them once sent). */
const send = (s: NeedleImportsSnapshot): NeedleImportsSnapshot => Comlink.transfer(s, s.table ? packedBuffers(s.table) : []);

const api = {
  /** Reads the saved imports and answers them merged over `published` (the published table's columns, or null). */
  async start(published: PackedNeedleColumns | null): Promise<NeedleImportsSnapshot> {
    session ??= new NeedleImportSession(published);
    return send(await session.current());
  },
  async setPublished(published: PackedNeedleColumns | null): Promise<NeedleImportsSnapshot> {
    return send(await open().setPublished(published));
  },
  /** Imports `file` as `summary`, calling `onProgress` with the fraction of bytes read (0..1). */
  async importFile(
    jobId: number,
    file: File,
    summary: NeedleImportSummary,
    onProgress: (fraction: number) => void,
  ): Promise<{ report: NeedleImportReport; snapshot: NeedleImportsSnapshot | null }> {
    const { report, snapshot } = await open().importStream(jobId, file.stream(), file, summary, onProgress);
    if (snapshot === null) return { report, snapshot };
    return Comlink.transfer({ report, snapshot }, snapshot.table ? packedBuffers(snapshot.table) : []);
  },
  cancel(jobId: number): void {
    open().cancel(jobId);
  },
  async remove(importId: string): Promise<NeedleImportsSnapshot> {
    return send(await open().remove(importId));
  },
};

export type Import311WorkerApi = typeof api;

Comlink.expose(api);
