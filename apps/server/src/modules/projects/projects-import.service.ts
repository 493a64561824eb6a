/**
 * Ledger import jobs: the upload answers 202 with a job id at once; the job then runs in this
 * process through its phases (reading → checking → writing → done) and the uploader polls it.
 *
 * - mode=check reads and checks only. mode=commit writes every row, or nothing when any row has an
 *   error. mode=commit-valid writes the valid rows and skips the others.
 * - Writing (issue 21: a 20,000-row commit must not stall the server) — multi-row inserts, the
 *   roll-up delta gathered in memory, and:
 *   · PostgreSQL: ONE transaction, yielding between batches (others use their own connections),
 *     roll-ups added once at its end. Cancellation or a failure rolls everything back.
 *   · SQLite: one connection that better-sqlite3 runs on this thread, so one transaction would
 *     make every request wait for the whole import. Each batch (what ~15 ms writes) is its own
 *     transaction with its roll-ups and the job's progress, requests run in between. Writing is
 *     not cancelled once begun; a batch that fails leaves the batches before it saved, counted in
 *     the job (failed, IMPORT_PARTIAL), and the same file sent again completes the import.
 *   A worker thread with its own SQLite connection was not taken: other requests' writes would
 *   then wait on SQLite's file lock, synchronously (busy_timeout), for the whole import.
 * - Progress and the cancel flag live in memory while the job runs, and in import_jobs every ~200
 *   rows (on SQLite while writing: in each batch's transaction), so another process can read
 *   progress and (PostgreSQL) request cancellation, which the worker checks between batches.
 * - Cancellation rolls back what the job wrote: a cancelled job has written nothing.
 * - A job dies with its process: running jobs whose row has not moved for an hour are marked
 *   failed at start-up and when read.
 */
import crypto from 'node:crypto';
import {
  type ErrorCode,
  errorMessage,
  type ImportColumn,
  type ImportJob,
  type ImportMappingBody,
  type ImportMode,
  type ImportRowError,
  LEDGER_KEYS,
  type Locale,
} from '@yingshang/contracts';
import type { z } from 'zod';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { savedMapping, saveMapping } from '../../kernel/ledger-import.js';
import { csvToXlsx, type UploadKind, uploadKind, workbookLayout } from '../../kernel/ledger-upload.js';
import type { Actor } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { earliestBackdate } from '../../lib/backdate.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import { compact, type LedgerKey, mappedHeader, matchHeader } from './projects.ledger.js';
import { createResolver, createWriter, type Plan, type WriteResult } from './projects-import.plan.js';
import {
  FileUnreadable,
  type HeaderMatcher,
  type LedgerHeader,
  readLedger,
} from './projects-import.reader.js';
import { type ParsedRow, parseRow } from './projects-import.rows.js';
import {
  failStaleJobs,
  findImportJob,
  type ImportJobPatch,
  insertImportJob,
  isCancelRequested,
  requestCancel,
  updateImportJob,
} from './projects-ledger.repository.js';

/** Rows between progress updates and cancellation checks (reading, checking). */
const BATCH = 200;
/** Plans written per batch on PostgreSQL, inside the one transaction. */
const WRITE_BATCH = 100;
/**
 * SQLite: plans are written SQLITE_WRITE_STEP at a time, in one transaction until it has run for
 * SQLITE_HOLD_MS; then its roll-ups are added and it commits. It holds the only connection (and
 * the thread) that long, plus its last step and the roll-ups: what another request may wait.
 */
const SQLITE_WRITE_STEP = 20;
const SQLITE_HOLD_MS = 15;
/** Problems kept in the report (all are counted). */
const MAX_REPORTED_ERRORS = 10_000;
/** A running job whose row has not moved for this long belongs to a process that is gone. */
const STALE_MS = 3600_000;

type Status = ImportJob['status'];
type Phase = ImportJob['phase'];

interface Live {
  id: string;
  actorId: string;
  mode: ImportMode;
  fileName: string;
  createdAt: string;
  updatedAt: string;
  status: Status;
  phase: Phase;
  total: number | null;
  rowsRead: number;
  rowsChecked: number;
  rowsWritten: number;
  created: number;
  updated: number;
  skipped: number;
  errors: ImportRowError[];
  errorCount: number;
  code: ErrorCode | null;
  sheet: string | null;
  sheets: string[];
  columns: ImportColumn[];
  cancel: boolean;
  done: Promise<void>;
}

/** What errors_json holds. */
interface Outcome {
  code: ErrorCode | null;
  errorCount: number;
  errors: ImportRowError[];
  sheet?: string | null;
  sheets?: string[];
  columns?: ImportColumn[];
}

class Cancelled extends Error {}
class Conflicts extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super('conflicts');
  }
}

const byRow = (a: ImportRowError, b: ImportRowError) => a.row - b.row;

/** The header as read, for the mapping dialog: each cell and the importable column it was taken for. */
function columnsOf(header: LedgerHeader): ImportColumn[] {
  const keyAt = new Map([...header.columns.values()].map((c) => [c.col, c.key]));
  return header.cells.map((c) => {
    const key = keyAt.get(c.col);
    return {
      col: c.col,
      header: c.header,
      key: (LEDGER_KEYS as readonly string[]).includes(key ?? '') ? (key as ImportColumn['key']) : null,
    };
  });
}

export function createProjectImportService(deps: {
  db: Db;
  dialect: Dialect;
  config: Config;
  log?: { error(obj: unknown, msg: string): void };
}) {
  const { db, dialect, config } = deps;
  const live = new Map<string, Live>();

  const outcomeJson = (job: Pick<Live, 'code' | 'errorCount' | 'errors' | 'sheet' | 'sheets' | 'columns'>) =>
    JSON.stringify({
      code: job.code,
      errorCount: job.errorCount,
      errors: job.errors,
      sheet: job.sheet,
      sheets: job.sheets,
      columns: job.columns,
    } satisfies Outcome);

  function view(j: Omit<Live, 'cancel' | 'done' | 'actorId'>, locale: Locale): ImportJob {
    return {
      id: j.id,
      mode: j.mode,
      status: j.status,
      phase: j.phase,
      fileName: j.fileName,
      total: j.total,
      rowsRead: j.rowsRead,
      rowsChecked: j.rowsChecked,
      rowsWritten: j.rowsWritten,
      created: j.created,
      updated: j.updated,
      skipped: j.skipped,
      errors: j.errors,
      errorCount: j.errorCount,
      sheet: j.sheet,
      sheets: j.sheets,
      columns: j.columns,
      code: j.code,
      message: j.code ? errorMessage(j.code, locale) : null,
      createdAt: j.createdAt,
      updatedAt: j.updatedAt,
    };
  }

  async function stored(actor: Actor, id: string) {
    let row = await findImportJob(db, id);
    if (!row || row.actorId !== actor.userId) fail('IMPORT_NOT_FOUND');
    if (row.status === 'running' && !live.has(id) && Date.parse(row.updatedAt) < Date.now() - STALE_MS) {
      await failStale();
      row = (await findImportJob(db, id))!;
    }
    const outcome = JSON.parse(row.errorsJson) as Outcome;
    return {
      id: row.id,
      mode: row.mode as ImportMode,
      fileName: row.fileName,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      status: row.status as Status,
      phase: row.phase as Phase,
      // Unknown until the sheet has been read (also when reading failed or was cancelled).
      total: row.phase === 'reading' ? null : row.total,
      rowsRead: row.rowsRead,
      rowsChecked: row.rowsChecked,
      rowsWritten: row.rowsWritten,
      created: row.createdCount,
      updated: row.updatedCount,
      skipped: row.skippedCount,
      errors: outcome.errors,
      errorCount: outcome.errorCount,
      sheet: outcome.sheet ?? null,
      sheets: outcome.sheets ?? [],
      columns: outcome.columns ?? [],
      code: outcome.code,
    };
  }

  async function failStale() {
    const at = now();
    await failStaleJobs(
      db,
      new Date(Date.now() - STALE_MS).toISOString(),
      JSON.stringify({ code: 'INTERNAL', errorCount: 0, errors: [] } satisfies Outcome),
      // SQLite: the batches it committed are saved and counted in the row
      JSON.stringify({ code: 'IMPORT_PARTIAL', errorCount: 0, errors: [] } satisfies Outcome),
      at,
    );
  }

  async function run(job: Live, actor: Actor, upload: Buffer, opts: { kind: UploadKind; sheet?: string }) {
    const sqlite = dialect.name === 'sqlite';
    /** False once SQLite's batched writing has begun: it runs to its end (see below). */
    let cancellable = true;
    const today = beijingToday();

    const patch = (): ImportJobPatch & { updatedAt: string } => ({
      status: job.status,
      phase: job.phase,
      total: job.total ?? 0,
      rowsRead: job.rowsRead,
      rowsChecked: job.rowsChecked,
      rowsWritten: job.rowsWritten,
      createdCount: job.created,
      updatedCount: job.updated,
      skippedCount: job.skipped,
      updatedAt: job.updatedAt,
    });
    /** Between batches: let other requests run, stop when asked to, and publish progress. */
    async function tick(withErrors = false) {
      // better-sqlite3 answers synchronously: without this a job would run to its end in one
      // macrotask and starve every other request (and the cancel button) until then.
      await new Promise<void>((resolve) => setImmediate(resolve));
      job.updatedAt = now();
      if (!cancellable) return;
      if (job.cancel) throw new Cancelled();
      if (await isCancelRequested(db, job.id)) {
        job.cancel = true;
        throw new Cancelled();
      }
      await updateImportJob(db, job.id, { ...patch(), ...(withErrors && { errorsJson: outcomeJson(job) }) });
    }
    function report(errors: ImportRowError[]) {
      job.errorCount += errors.length;
      const room = MAX_REPORTED_ERRORS - job.errors.length;
      if (room > 0) job.errors.push(...errors.slice(0, room));
    }
    async function finish(status: Status, code: ErrorCode | null = null) {
      job.status = status;
      if (status === 'done') job.phase = 'done';
      job.code = code;
      job.errors.sort(byRow);
      job.updatedAt = now();
      await updateImportJob(db, job.id, { ...patch(), errorsJson: outcomeJson(job) });
    }
    const nothingWritten = () => {
      job.created = 0;
      job.updated = 0;
      job.rowsWritten = 0;
    };

    try {
      // reading: a .csv as a one-sheet workbook; hidden sheets and columns skipped
      const file = opts.kind === 'csv' ? await csvToXlsx(upload) : upload;
      const layout = opts.kind === 'xlsx' ? await workbookLayout(file) : null;
      // the unit's corrected mapping first, then the built-in header words
      const saved = await savedMapping(db, actor.orgUnit.id, 'projects');
      const match: HeaderMatcher = (text) => {
        const key = saved.get(compact(text));
        if (key === '') return null;
        return key ? mappedHeader(key as LedgerKey, text) : matchHeader(text);
      };
      const { header, rows, problems, sheets } = await readLedger(
        file,
        async (n) => {
          job.rowsRead = n;
          if (n % BATCH === 0) await tick();
        },
        { layout, sheet: opts.sheet, match },
      );
      job.sheets = sheets;
      job.sheet = header?.sheet ?? null;
      job.columns = header ? columnsOf(header) : [];
      job.total = rows.length;
      job.rowsRead = rows.length;
      report(problems);
      if (!header || problems.length > 0) {
        if (job.mode !== 'check') job.skipped = rows.length;
        return await finish('done', job.mode === 'check' ? null : 'IMPORT_INVALID');
      }

      // checking
      job.phase = 'checking';
      await tick();
      const checkStartedAt = now();
      const resolver = await createResolver(
        db,
        actor,
        header,
        today,
        config.usdCnyRate,
        earliestBackdate(actor, config.backdateLimits, today),
      );
      const ctx = { header, today, usdCnyRate: config.usdCnyRate };
      const plans: Plan[] = [];
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        const parsed: ParsedRow[] = [];
        const errors: ImportRowError[] = [];
        for (const raw of batch) {
          const r = parseRow(raw, ctx);
          if (r.value) parsed.push(r.value);
          errors.push(...r.errors);
        }
        const resolved = await resolver.resolve(parsed);
        plans.push(...resolved.plans);
        report([...errors, ...resolved.errors].sort(byRow));
        job.rowsChecked += batch.length;
        await tick();
      }
      if (job.mode === 'check') return await finish('done');
      if (job.mode === 'commit' && job.errorCount > 0) {
        job.skipped = rows.length;
        return await finish('done', 'IMPORT_INVALID');
      }

      // writing
      job.phase = 'writing';
      job.skipped = rows.length - plans.length;
      await tick(true);
      const writer = createWriter(actor, { id: job.id, fileName: job.fileName, today }, header);
      const conflicts: ImportRowError[] = [];
      const count = (batch: Plan[], r: WriteResult) => {
        conflicts.push(...r.conflicts);
        job.created += r.created;
        job.updated += r.updated;
        job.skipped += r.unchanged + r.conflicts.length;
        job.rowsWritten += batch.length;
      };
      if (!sqlite) {
        // PostgreSQL: one transaction, yielding between batches; others read and write meanwhile
        // (their own connections). The roll-ups are added once, at the end: the shared rows (the
        // province's months) stay locked from then to the commit only.
        await db.transaction().execute(async (trx) => {
          await writer.prepare(trx, plans, checkStartedAt);
          for (let i = 0; i < plans.length; i += WRITE_BATCH) {
            const batch = plans.slice(i, i + WRITE_BATCH);
            count(batch, await writer.write(trx, batch));
            await tick();
          }
          if (conflicts.length > 0 && job.mode === 'commit') throw new Conflicts(conflicts);
          await writer.flushRollups(trx);
        });
      } else {
        // SQLite: one connection, and better-sqlite3 holds the thread while it runs: an open
        // transaction would make every other request wait for the whole import. So each batch (the
        // rows written in SQLITE_HOLD_MS) is its own transaction, with its roll-ups and the job's progress
        // (import_jobs: rows written, created, updated), and other requests run in between. Rows
        // others changed since the check are known before the first batch (mode=commit: nothing
        // is written, as on PostgreSQL). Once writing has begun it is no longer cancelled (a
        // cancelled job has written nothing). A batch that fails is rolled back and the job ends
        // IMPORT_PARTIAL with the rows written before it saved and counted: the same file sent
        // again completes it, rows already imported being found and skipped as unchanged.
        cancellable = false;
        await writer.prepare(db, plans, checkStartedAt);
        const early = writer.conflicts(plans);
        if (early.length > 0 && job.mode === 'commit') throw new Conflicts(early);
        let saved = { ...patch(), conflicts: 0 };
        try {
          for (let i = 0; i < plans.length; ) {
            await db.transaction().execute(async (trx) => {
              // steps of a few rows until the transaction has held the thread for its share
              const started = performance.now();
              do {
                const batch = plans.slice(i, i + SQLITE_WRITE_STEP);
                count(batch, await writer.write(trx, batch));
                i += batch.length;
              } while (i < plans.length && performance.now() - started < SQLITE_HOLD_MS);
              await writer.flushRollups(trx);
              job.updatedAt = now();
              await updateImportJob(trx, job.id, patch());
            });
            saved = { ...patch(), conflicts: conflicts.length };
            // two turns of the event loop: the requests that arrived meanwhile reach the connection first
            await tick();
            await new Promise<void>((resolve) => setImmediate(resolve));
          }
        } catch (err) {
          // the failed batch was rolled back: the job says what the committed ones wrote
          job.created = saved.createdCount ?? 0;
          job.updated = saved.updatedCount ?? 0;
          job.skipped = saved.skippedCount ?? 0;
          job.rowsWritten = saved.rowsWritten ?? 0;
          conflicts.length = saved.conflicts;
          if (job.rowsWritten === 0) throw err;
          deps.log?.error({ err, job: job.id }, 'import job failed part way');
          report(conflicts);
          const next = plans[job.rowsWritten];
          report([
            {
              row: next?.row ?? 0,
              column: null,
              message: `写入中断：前 ${job.rowsWritten} 行已保存，自第 ${next?.row ?? '?'} 行起未写入；重新导入同一文件即可补齐（已导入的行会被跳过）`,
            },
          ]);
          return await finish('failed', 'IMPORT_PARTIAL');
        }
        if (conflicts.length > 0 && job.mode === 'commit') {
          // changed by others while the batches were written: those rows are skipped, the rest is saved
          report(conflicts);
          return await finish('done', 'IMPORT_PARTIAL');
        }
      }
      report(conflicts);
      await finish('done');
    } catch (err) {
      nothingWritten();
      if (err instanceof Cancelled) return await finish('cancelled');
      if (err instanceof Conflicts) {
        report(err.errors);
        job.skipped = job.total ?? 0;
        return await finish('done', 'IMPORT_INVALID');
      }
      if (err instanceof FileUnreadable) {
        report([
          { row: 0, column: null, message: '无法读取该文件：不是有效的 .xlsx 或 .csv 文件，或文件已损坏' },
        ]);
        return await finish('failed', 'FILE_INVALID');
      }
      deps.log?.error({ err, job: job.id }, 'import job failed');
      await finish('failed', 'INTERNAL');
    }
  }

  return {
    /** Registers the upload as a job and starts it after the caller has answered. */
    async start(
      actor: Actor,
      upload: { fileName: string; data: Buffer },
      mode: ImportMode,
      sheet?: string,
    ): Promise<string> {
      const kind = uploadKind(upload.fileName, upload.data);
      if (kind === 'xls') fail('FILE_XLS', [{ path: 'file', message: 'FILE_XLS' }]);
      if (!kind) fail('FILE_INVALID', [{ path: 'file', message: 'an .xlsx workbook or a .csv is expected' }]);
      const at = now();
      const job: Live = {
        id: newId(),
        actorId: actor.userId,
        mode,
        fileName: upload.fileName,
        createdAt: at,
        updatedAt: at,
        status: 'running',
        phase: 'reading',
        total: null,
        rowsRead: 0,
        rowsChecked: 0,
        rowsWritten: 0,
        created: 0,
        updated: 0,
        skipped: 0,
        errors: [],
        errorCount: 0,
        code: null,
        sheet: null,
        sheets: [],
        columns: [],
        cancel: false,
        done: Promise.resolve(),
      };
      await insertImportJob(db, {
        id: job.id,
        kind: 'projects',
        mode,
        status: job.status,
        phase: job.phase,
        actorId: actor.userId,
        fileName: upload.fileName,
        fileSha256: crypto.createHash('sha256').update(upload.data).digest('hex'),
        errorsJson: outcomeJson(job),
        createdAt: at,
        updatedAt: at,
      });
      live.set(job.id, job);
      job.done = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => run(job, actor, upload.data, { kind, sheet }))
        .catch((err) => deps.log?.error({ err, job: job.id }, 'import job could not record its end'))
        .finally(() => live.delete(job.id));
      return job.id;
    },

    async get(actor: Actor, id: string, locale: Locale): Promise<ImportJob> {
      const j = live.get(id);
      if (j) {
        if (j.actorId !== actor.userId) fail('IMPORT_NOT_FOUND');
        return view(j, locale);
      }
      return view(await stored(actor, id), locale);
    },

    /** Asks a running job to stop; it rolls back and ends as cancelled at its next batch. */
    async cancel(actor: Actor, id: string, locale: Locale): Promise<ImportJob> {
      const j = live.get(id);
      if (j) {
        if (j.actorId !== actor.userId) fail('IMPORT_NOT_FOUND');
        // In memory only: on SQLite a write here would wait for the job's own transaction.
        j.cancel = true;
        return view(j, locale);
      }
      const row = await stored(actor, id);
      // A job of another process (PostgreSQL): it reads the flag between batches.
      if (row.status === 'running') await requestCancel(db, id, now());
      return view(await stored(actor, id), locale);
    },

    failStale,

    /** The unit's corrected column mapping, as saved. */
    async mapping(actor: Actor) {
      const saved = await savedMapping(db, actor.orgUnit.id, 'projects');
      return {
        columns: [...saved].map(([header, key]) => ({ header, key: (key || null) as ImportColumn['key'] })),
      };
    },

    /** Saves the columns the clerk corrected, for this unit's next files (audited). */
    async saveMapping(actor: Actor, body: z.infer<typeof ImportMappingBody>) {
      await saveMapping(db, actor, 'projects', body.columns);
      return this.mapping(actor);
    },

    /** Server shutdown: running jobs are cancelled (rolled back) and awaited. */
    async stop() {
      const running = [...live.values()];
      for (const j of running) j.cancel = true;
      await Promise.all(running.map((j) => j.done));
    },

    /** Test and shutdown helper: resolves when the job has ended (at once when it is not running here). */
    settled: (id: string) => live.get(id)?.done ?? Promise.resolve(),
  };
}
export type ProjectImportService = ReturnType<typeof createProjectImportService>;
