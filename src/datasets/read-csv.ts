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
  /** Header cells, trimmed; empty when the file has no header or its first row is unreadable (then in `errors`). */
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

/** Offset just past the line break that ends the physical line containing `from` (or the end of the text). */
function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

type Linebreak = '\n' | '\r\n' | '\r';
type RawRow = { start: number; end: number; values: string[]; error: string | null };

/**
 * Splits CSV text into rows with their offsets. A row papaparse cannot read (a bad or unclosed quote) would swallow
 * the rest of the file into one broken record, so only its first physical line is taken as the bad row and reading
 * starts again on the next line: every line of the file ends up in a record, an error or a blank.
 */
function splitRows(text: string): RawRow[] {
  const rows: RawRow[] = [];
  // The line break papaparse guessed for the whole file, kept when reading restarts mid-file (where it might guess another).
  let newline: Linebreak | undefined;
  let pos = 0;
  while (pos < text.length) {
    let start = pos;
    let restartAt = -1;
    const offset = pos;
    Papa.parse<string[]>(text.slice(offset), {
      header: false,
      delimiter: ',',
      skipEmptyLines: false,
      ...(newline ? { newline } : {}),
      step: (result, parser) => {
        if (restartAt >= 0) return;
        newline ??= result.meta.linebreak as Linebreak;
        const error = result.errors[0]?.message ?? null;
        if (error !== null) {
          restartAt = nextLineStart(text, start);
          rows.push({ start, end: restartAt, values: [], error });
          parser.abort();
          return;
        }
        const end = offset + result.meta.cursor;
        const values = result.data;
        // A file with mixed line endings: papaparse splits on the first one it sees, so a CRLF row in an LF file
        // leaves a stray CR on its last cell.
        const last = values.length - 1;
        if (last >= 0 && values[last]!.endsWith('\r')) values[last] = values[last]!.slice(0, -1);
        rows.push({ start, end, values, error: null });
        start = end;
      },
    });
    if (restartAt < 0) break;
    pos = Math.max(restartAt, pos + 1);
  }
  return rows;
}

/**
 * Splits CSV text into a header and records. Handles a BOM, CRLF/LF/CR line breaks, quoted commas, quotes and
 * newlines. Blank lines are skipped (they are not rows). A line papaparse cannot read becomes an error with its line
 * number, and the lines after it are still read. Never throws.
 */
export function readCsv(input: string): CsvText {
  const text = stripBom(input);
  const rows = splitRows(text);

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
      // An unreadable first row is the header: leave it empty rather than promote a later row to header.
      headerSeen = true;
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
