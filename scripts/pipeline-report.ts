// What each step of `npm run data` reports: per dataset, rows read/kept/rejected, reasons, date range, bbox.
export type DatasetSummary = {
  dataset: string;
  /** Output file(s) written under public/data, relative to it. */
  outputs: string[];
  rowsRead: number;
  rowsKept: number;
  rejectedByReason: Record<string, number>;
  dateRange?: [first: string, last: string];
  bbox?: [west: number, south: number, east: number, north: number];
  /** Rejected-rows report file under public/data/reports, if any rows were rejected. */
  rejectedFile?: string;
};
