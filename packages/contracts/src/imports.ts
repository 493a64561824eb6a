import { z } from 'zod';
import { Timestamp } from './common.js';
import { ProjectListQuery } from './projects.js';

/**
 * Excel export and import of the project ledger (招商项目台账).
 * Export: the list's filters and sort, without paging. Import: an asynchronous job the uploader polls.
 */
export const ProjectExportQuery = ProjectListQuery.omit({ page: true, pageSize: true });

/** check: read and check only; commit: all rows or none; commit-valid: the valid rows, the rest skipped. */
export const IMPORT_MODES = ['check', 'commit', 'commit-valid'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const IMPORT_STATUSES = ['running', 'done', 'failed', 'cancelled'] as const;
export const IMPORT_PHASES = ['reading', 'checking', 'writing', 'done'] as const;

export const ImportStartQuery = z
  .object({
    mode: z.enum(IMPORT_MODES).default('check'),
    /** The worksheet to read (default: the first visible one with a ledger header). */
    sheet: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export const ImportStarted = z.object({ id: z.string() });

/** The columns of the ledger import, as the mapping names them (projects.ledger.ts LEDGER_COLUMNS). */
export const LEDGER_KEYS = [
  'seq',
  'name',
  'code',
  'region',
  'industryCode',
  'industryName',
  'total',
  'foreign',
  'investor',
  'creditCode',
  'foreignRegNo',
  'country',
  'projectType',
  'stage',
  'negotiatingOn',
  'signedOn',
  'startedOn',
  'producingOn',
  'leader',
  'notes',
] as const;
export type ImportColumnKey = (typeof LEDGER_KEYS)[number];

/** A header cell of the file as read, and the column it was taken for (null: not imported). */
export const ImportColumn = z.object({
  col: z.number().int(),
  header: z.string(),
  key: z.enum(LEDGER_KEYS).nullable(),
});
export type ImportColumn = z.infer<typeof ImportColumn>;

/** A unit's corrected mapping: these headers mean these columns (null: do not import it). */
export const ImportMappingBody = z
  .object({
    columns: z
      .array(
        z.object({ header: z.string().trim().min(1).max(100), key: z.enum(LEDGER_KEYS).nullable() }).strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();
export const ImportMapping = z.object({
  columns: z.array(z.object({ header: z.string(), key: z.enum(LEDGER_KEYS).nullable() })),
});

/** One problem of the file: `row` is the Excel row number (0: the file as a whole). */
export const ImportRowError = z.object({
  row: z.number().int().min(0),
  /** The column's header as written in the file; null when the problem is the row as a whole. */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportJob = z.object({
  id: z.string(),
  mode: z.enum(IMPORT_MODES),
  status: z.enum(IMPORT_STATUSES),
  phase: z.enum(IMPORT_PHASES),
  fileName: z.string(),
  /** Data rows in the sheet; null until the sheet has been read. */
  total: z.number().int().nullable(),
  rowsRead: z.number().int(),
  rowsChecked: z.number().int(),
  /** Rows handled by the writing phase (created, updated or unchanged). */
  rowsWritten: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Unchanged rows, and rows not imported because of their errors. */
  skipped: z.number().int(),
  errors: z.array(ImportRowError),
  /** The worksheet read, and every visible worksheet with a ledger header (to choose from). */
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  /** The header as read: every header cell and the column it was taken for. */
  columns: z.array(ImportColumn),
  /** All problems found; `errors` lists at most the first 10,000. */
  errorCount: z.number().int(),
  /**
   * Why the job ended as it did: IMPORT_INVALID (commit refused: the file has errors, nothing
   * written), IMPORT_PARTIAL (SQLite, which writes in batches: the write stopped part way, the rows
   * counted in rowsWritten are saved and the same file sent again completes it), FILE_INVALID (not
   * a readable .xlsx or .csv), INTERNAL; null otherwise. `message` is its text in the caller's language.
   */
  code: z.string().nullable(),
  message: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ImportJob = z.infer<typeof ImportJob>;

/**
 * The small ledgers (诉求台账, 整改任务清单) are read and written in one request: `check` returns the
 * report and writes nothing; `commit` writes every row or none; `commit-valid` writes the valid rows.
 * Rows already imported (the same record from an earlier file) are skipped, so a file can be sent again.
 */
export const LedgerImportQuery = z
  .object({
    mode: z.enum(IMPORT_MODES).default('commit'),
    sheet: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

/** A column the import knows: its key, its name in the template, whether a file must have it. */
export const LedgerField = z.object({ key: z.string(), label: z.string(), required: z.boolean() });

/**
 * One problem of the file: the Excel row (the header row for a missing column), the column's header
 * as written, a code the pages translate (ledger.error.<code>) and the value as written.
 */
export const LedgerImportError = z.object({
  row: z.number().int().min(0),
  column: z.string().nullable(),
  code: z.string(),
  value: z.string().nullable(),
});
export type LedgerImportError = z.infer<typeof LedgerImportError>;

/** ALREADY_IMPORTED: the record exists (an earlier import); DUPLICATE_IN_FILE; CLOSED: 已办结, not moved in. */
export const LEDGER_SKIPS = ['ALREADY_IMPORTED', 'DUPLICATE_IN_FILE', 'CLOSED'] as const;

export const LedgerImportReport = z.object({
  mode: z.enum(IMPORT_MODES),
  /** The worksheet read, and every visible worksheet with the ledger's header (to choose from). */
  sheet: z.string(),
  sheets: z.array(z.string()),
  headerRow: z.number().int(),
  fields: z.array(LedgerField),
  /** Every header cell as read and the field it was taken for (null: not imported). */
  columns: z.array(z.object({ col: z.number().int(), header: z.string(), key: z.string().nullable() })),
  /** Data rows read (blank, 合计 and footnote rows aside). */
  rows: z.number().int(),
  /** Rows that would be (check) or were written. */
  valid: z.number().int(),
  created: z.number().int(),
  ids: z.array(z.string()),
  skipped: z.array(
    z.object({ row: z.number().int(), code: z.enum(LEDGER_SKIPS), value: z.string().nullable() }),
  ),
  errors: z.array(LedgerImportError),
});
export type LedgerImportReport = z.infer<typeof LedgerImportReport>;

/** A unit's corrected mapping of one ledger: these headers mean these fields (null: not imported). */
export const LedgerMappingBody = z
  .object({
    columns: z
      .array(
        z
          .object({
            header: z.string().trim().min(1).max(100),
            key: z.string().trim().min(1).max(40).nullable(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();
export const LedgerMapping = z.object({
  columns: z.array(z.object({ header: z.string(), key: z.string().nullable() })),
});
