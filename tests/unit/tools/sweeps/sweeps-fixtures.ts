// Needle records and tables for the Sweeps unit tests: one record builder (each test file passes its own defaults) and the table the tool reads.
import { needleTableFromRequests, type NeedleTable } from '../../../../src/datasets/needle-table';
import { assignNeedleIds } from '../../../../src/domain/needle-id';
import type { NeedleRecord } from '../../../../src/domain/needle-request';

/** A Needle Pickup record on Albany St opened 2025-03-01, status unknown, no neighbourhood; `patch` overrides any field. */
export function needleRecord(patch: Partial<NeedleRecord>): NeedleRecord {
  return {
    caseId: null,
    openedDate: '2025-03-01',
    openedTime: null,
    closedDate: null,
    status: 'unknown',
    closureReason: null,
    neighborhood: null,
    street: 'Albany St',
    zip: null,
    source: null,
    ward: null,
    coordinates: [-71.07, 42.34],
    dataset: 'test',
    ...patch,
  };
}

/** The records as the app holds them: ids assigned, then the columnar table. */
export const tableOf = (records: readonly NeedleRecord[]): NeedleTable => needleTableFromRequests(assignNeedleIds(records));
