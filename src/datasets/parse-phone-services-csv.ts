// Parses data/phone-services.csv (phone-only services) into validated rows.
import { phoneServiceCsvRowSchema, type PhoneService } from '../domain/phone-service';
import type { LoadResult } from '../domain/rejection';
import { parseCsvTable } from './parse-csv-table';

export function parsePhoneServicesCsv(text: string): LoadResult<PhoneService> {
  const table = parseCsvTable(text, phoneServiceCsvRowSchema);
  return { rows: table.rows.map((r) => r.data), rejected: table.rejected };
}
