// Reads CSV text into records that keep their source line number and raw text (papaparse, browser-safe).
import Papa from 'papaparse';

export type CsvRecord = {
  /** 1-based line where the record starts; the header is line 1. Quoted newlines count as lines. */
  line: number;
  values: string[];
  /** The record's text as in the file, without its line break. */
  raw: string;
};

export type CsvText = {
  /** Header cells, trimmed; empty when the file has no header. */
  header: string[];
  records: CsvRecord[];
  /** Records papaparse could not read cleanly (e.g. an unclosed quote). */
  errors: { line: number; message: string; raw: string }[];
};

/** Strips a leading UTF-8 byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    // A lone CR (old Mac files) is a line break too; CRLF counts once, at its LF.
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/**
 * Splits CSV text into a header and records. Handles a BOM, CRLF/LF/CR line breaks, quoted commas, quotes and
 * newlines. Blank lines are skipped (they are not rows). Never throws.
 */
export function readCsv(input: string): CsvText {
  const text = stripBom(input);
  const rows: { start: number; end: number; values: string[]; error: string | null }[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: ',',
    skipEmptyLines: false,
    step: (result) => {
      const end = result.meta.cursor;
      const error = result.errors[0]?.message ?? null;
      const values = result.data;
      // A file with mixed line endings: papaparse splits on the first one it sees, so a CRLF row in an LF file
      // leaves a stray CR on its last cell.
      const last = values.length - 1;
      if (last >= 0 && values[last]!.endsWith('\r')) values[last] = values[last]!.slice(0, -1);
      rows.push({ start, end, values, error });
      start = end;
    },
  });

  const out: CsvText = { header: [], records: [], errors: [] };
  let line = 1;
  let lineFrom = 0;
  let headerSeen = false;
  for (const row of rows) {
    line += countLineBreaks(text, lineFrom, row.start);
    lineFrom = row.start;
    const raw = text.slice(row.start, row.end).replace(/\r?\n$|\r$/, '');
    const blank = row.values.every((v) => v.trim() === '');
    if (row.error !== null) {
      out.errors.push({ line, message: row.error, raw });
    } else if (!blank) {
      if (!headerSeen) {
        out.header = row.values.map((v) => v.trim());
        headerSeen = true;
      } else {
        out.records.push({ line, values: row.values, raw });
      }
    }
  }
  return out;
}
