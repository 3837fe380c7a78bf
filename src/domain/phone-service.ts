// A phone line with no walk-in address (3-1-1, PAATHS, outreach): shown as "call" lines, never placed on the map.
import { z } from 'zod';

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .transform((s) => (s === '' || s.toLowerCase() === 'unknown' ? null : s));

/** One row of data/phone-services.csv. Empty hours mean no source publishes them. */
export const phoneServiceCsvRowSchema = z.object({
  name: z.string().trim().min(1, 'name is required'),
  phone: z.string().trim().regex(/\d/, 'phone must contain a number'),
  hours: optionalText,
  note: optionalText,
  source: z.string().trim().min(1, 'every row needs a source (URL or dataset name)'),
});
export type PhoneService = z.output<typeof phoneServiceCsvRowSchema>;

/** public/data/phone-services.json */
export const phoneServicesFileSchema = z.array(
  z.object({ name: z.string(), phone: z.string(), hours: z.string().nullable(), note: z.string().nullable(), source: z.string() }),
);

/**
 * Splits a phone cell such as "3-1-1 or 617-635-4500" into its numbers: the text as written and the digits to dial.
 * Parts with fewer than 3 digits are not numbers and are dropped.
 */
export function phoneParts(phone: string): { label: string; dial: string }[] {
  return phone
    .split(/\s+or\s+|[,;/]/i)
    .map((label) => ({ label: label.trim(), dial: label.replace(/[^0-9+]/g, '') }))
    .filter((p) => p.dial.replace(/\D/g, '').length >= 3);
}
