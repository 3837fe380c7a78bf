// Web Worker: imports a 311 file off the main thread (the file's byte stream through the streaming importer), exposed with comlink.
import * as Comlink from 'comlink';
import { import311Stream } from './import-311';
import type { Import311Result } from './import-311';

const api = {
  /** Imports `file`, calling `onProgress` with the fraction of bytes read (0..1). */
  importFile(file: File, onProgress: (fraction: number) => void): Promise<Import311Result> {
    return import311Stream(file.stream(), { fileName: file.name, size: file.size, onProgress });
  },
};

export type Import311WorkerApi = typeof api;

Comlink.expose(api);
