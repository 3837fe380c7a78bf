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
  /** Where the data comes from (repository, file, commit), for datasets that say so. */
  source?: string;
  /** Totals worth checking at a glance, e.g. { population: 650272 } for the census tracts. */
  totals?: Record<string, number>;
  /** Rejected-rows report file under public/data/reports, if any rows were rejected. */
  rejectedFile?: string;
};
