// A Needle request: one Boston 311 case of type "Needle Pickup", and the compact columnar form the app loads.
import { z } from 'zod';

export const NEEDLE_STATUSES = ['unknown', 'open', 'closed'] as const;
export type NeedleStatus = (typeof NEEDLE_STATUSES)[number];

/** One request as the pipeline and the detail panel see it. Unknown fields are null, never guessed. */
export type NeedleRequest = {
  /**
   * Stable id, unique in the file: the 311 case id where the source has one, else "h-" + a 64-bit hash of the open
   * date, location and street (see domain/needle-id.ts), with "-2", "-3"... for requests that share those.
   */
  id: string;
  caseId: string | null;
  /** Open date, YYYY-MM-DD (Boston local date). */
  openedDate: string;
  /** Open time, "HH:MM" (Boston local time), or null when the source gives only a date. */
  openedTime: string | null;
  /** Close date, YYYY-MM-DD, or null when open or not published. */
  closedDate: string | null;
  status: NeedleStatus;
  closureReason: string | null;
  neighborhood: string | null;
  street: string | null;
  zip: string | null;
  /** How the request reached 311 (the 311 "source" column, e.g. "Constituent Call", "Citizens Connect App"), or null. */
  source: string | null;
  /** The 311 "ward" column as published (e.g. "Ward 3" or "03"), trimmed, or null. */
  ward: string | null;
  coordinates: [lng: number, lat: number];
  /** Which source dataset the row came from (an entry of NeedleColumns.datasets). */
  dataset: string;
};

/** A request id as a link may carry it: a 311 case id (digits) or a field hash "h-<16 hex>" with an optional "-n". */
export const NEEDLE_ID_PATTERN = /^(?:\d{1,20}|h-[0-9a-f]{16}(?:-\d{1,4})?)$/;

/** A request as a parser reads it, before the pipeline gives it its id. */
export type NeedleRecord = Omit<NeedleRequest, 'id'>;

/** Version of the columnar file; bump it when its shape changes (2: the `id` column; 3: openedMinute, source, ward). */
export const NEEDLE_COLUMNS_VERSION = 3;

/**
 * public/data/needle-requests.json: one array per field (columnar), strings stored once in lookup tables.
 * Days are whole days since 1970-01-01 (of the Boston local date); -1 means unknown. openedMinute is the minute of the
 * Boston local day (0..1439) the request was opened, -1 when unknown. Lookup indexes are -1 when unknown.
 */
export const needleColumnsSchema = z
  .object({
    version: z.literal(NEEDLE_COLUMNS_VERSION, {
      error: `not version ${NEEDLE_COLUMNS_VERSION} of the needle requests file: run \`npm run data\` to rebuild it`,
    }),
    count: z.number().int().nonnegative(),
    datasets: z.array(z.string()),
    neighborhoods: z.array(z.string()),
    streets: z.array(z.string()),
    closureReasons: z.array(z.string()),
    sources: z.array(z.string()),
    wards: z.array(z.string()),
    columns: z.object({
      id: z.array(z.string().min(1, 'an id is empty')),
      lng: z.array(z.number()),
      lat: z.array(z.number()),
      openedDay: z.array(z.number().int()),
      closedDay: z.array(z.number().int()),
      openedMinute: z.array(z.number().int().min(-1).max(1439)),
      status: z.array(z.number().int().min(0).max(2)),
      neighborhood: z.array(z.number().int()),
      street: z.array(z.number().int()),
      zip: z.array(z.string()),
      caseId: z.array(z.string()),
      closureReason: z.array(z.number().int()),
      dataset: z.array(z.number().int()),
      source: z.array(z.number().int()),
      ward: z.array(z.number().int()),
    }),
  })
  .superRefine((v, ctx) => {
    for (const [name, col] of Object.entries(v.columns)) {
      if (col.length !== v.count) {
        ctx.addIssue({ code: 'custom', path: ['columns', name], message: `column ${name} has ${col.length} values, expected ${v.count}` });
      }
    }
    const seen = new Set<string>();
    v.columns.id.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['columns', 'id', i], message: `id "${id}" is not unique` });
      seen.add(id);
    });
  });
export type NeedleColumns = z.infer<typeof needleColumnsSchema>;
