import { backupCases } from './backups';
import { baselineCases } from './baseline';
import { contactListCases } from './customers-lists';
import { customerRecordCases } from './customers-records';
import { duplicateCases } from './duplicates';
import { importExportCases } from './import-export';
import { importFloorCases } from './import-floor';
import { recycleBinCases } from './recycle-bin';
import { salesCases } from './sales';
import { searchAfterImportCases, searchCases } from './search';
import { serviceCases } from './service';
import type { BenchCase } from './types';

export type { BenchCase, CaseRun } from './types';

/**
 * Every benchmark case, grouped by the issue that set its target. Another issue adds a file
 * (bench/cases/sales.ts, search.ts...) exporting its list and spreads it in here.
 */
export const CASES: BenchCase[] = [
  ...baselineCases,
  // Issue 3: customers.
  ...contactListCases,
  ...customerRecordCases,
  // Issue 4: sales.
  ...salesCases,
  // Issue 5: service.
  ...serviceCases,
  // Issue 6: search and duplicates.
  ...searchCases,
  ...duplicateCases,
  ...importExportCases,
  ...searchAfterImportCases,
  ...importFloorCases,
  // Housekeeping at scale: emptying the recycle bin.
  ...recycleBinCases,
  // Last: the restore puts back a backup and signs everyone out (the bench users sign in again).
  ...backupCases,
];
