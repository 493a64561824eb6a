/**
 * Deterministic generator of the records around a generated pipeline (generate-projects.ts runs
 * first, on the same database): a province's history of investment-promotion activities, enterprise
 * appeals, rectification tasks and incentive applications, for the bench (bench/projects.ts,
 * bench/generate.ts) and for trying the app at scale.
 *
 * Adds, for P projects (ratios by default, each overridable):
 * - the officials register (书记 and 县长 / 市长 / 管委会主任 of every region and zone, `main = 1`, and a
 *   deputy), and 0.2 × P activities of the six types with their officials (outbound trips mostly
 *   led by main leaders), enterprises met, projects first contacted there (projects.source_activity_id)
 *   and signings: a share of the signed projects, each at one activity of its region or above that
 *   began on or before its signing day;
 * - a pool of P/20 enterprises (org units of kind `enterprise` under the counties and zones), their
 *   government–enterprise meetings and 2 × P appeals on every channel, taken through the flow with
 *   working-day deadlines (filed → accepted → assigned to a department of the region tree → signed →
 *   answered on time or late → rated → closed; some rejected, merged or reopened, some still open and
 *   overdue today, escalated as the sweep would have). appeal_events are not generated: the timeline
 *   of a generated appeal is empty, its columns carry every date the figures read;
 * - rectification campaigns of past years (the seed's demo campaign is loaded too) with 0.05 × P tasks
 *   across the nine problems, lead units and zones, with progress reports, verifications and
 *   deadlines, some overdue;
 * - 0.02 × P incentive applications under the east-transfer measure, evaluated by the policy engine
 *   on generated USD central parities, through the three review stages to approval and payment.
 * Every derived column is filled as the services fill it (region_path, org_path, pinyin and search
 * text, codes, due days, answer_working_days, answered_on_time, …). Then the roll-ups of every source
 * in ROLLUP_SOURCES are rebuilt (the projects' too: signings add to them).
 *
 * Deterministic like generate-projects.ts: the same seed, sizes, day and projects give the same rows
 * (ids from the record's timestamp and the seeded generator), except the seed's demo campaign.
 * Loading drops the secondary indexes of the tables written and rebuilds them at the end.
 *
 * One generator per domain in records/ (enterprises, activities, appeals, rectification,
 * incentives), on the shared context of records/context.ts; this file runs them in order.
 */
import type { Config } from '../../config.js';
import type { DbHandle } from '../../db/database.js';
import { rebuildRollups } from '../../kernel/rollups.js';
import { ROLLUP_SOURCES } from '../../rollup-sources.js';
import { generateActivities } from './records/activities.js';
import { generateAppeals } from './records/appeals.js';
import { createContext } from './records/context.js';
import { generateEnterprises } from './records/enterprises.js';
import { generateIncentives } from './records/incentives.js';
import { generateRectification } from './records/rectification.js';

/** Bump when the generated records change: cached bench databases are keyed by it. */
export const RECORDS_VERSION = 2;

export interface RecordsOptions {
  /** Default 0.2 × projects. */
  activities?: number;
  /** Default 2 × projects. */
  appeals?: number;
  /** Rectification tasks; default 0.05 × projects. */
  tasks?: number;
  /** Incentive applications; default 0.02 × projects. */
  applications?: number;
  seed?: number;
  /** The generator's today (YYYY-MM-DD, Beijing): no date after it. Default: today. */
  asOf?: string;
  log?: (line: string) => void;
}

export interface RecordsStats {
  rows: Record<string, number>;
  totalRows: number;
  /** Projects given a source activity (an update, not counted in rows). */
  sourceProjects: number;
  seconds: { generateAndInsert: number; indexes: number; rollups: Record<string, number>; total: number };
  rowsPerSecond: number;
}

/**
 * The generators of records/ in turn, on one shared context (the organisation tree, the projects,
 * the seeded generator, the calendar and the writer): the order is part of the output (one generator
 * draws after another), so it stays as it is. `_config`: kept for the signature of generateProjects
 * (the records need no setting of it yet).
 */
export async function generateRecords(
  database: DbHandle,
  _config: Config,
  opts: RecordsOptions = {},
): Promise<RecordsStats> {
  const ctx = await createContext(database, opts);
  const { log, started, writer, rows } = ctx;
  await writer.dropIndexes();

  const pool = await generateEnterprises(ctx);
  const { officialsOf, sourceProjects } = await generateActivities(ctx);
  await generateAppeals(ctx, pool, officialsOf);
  await generateRectification(ctx);
  await generateIncentives(ctx, pool);

  const loaded = performance.now();
  log('  rebuilding indexes…');
  await writer.restoreIndexes();
  await writer.finish();
  const indexed = performance.now();
  const rollups: Record<string, number> = {};
  for (const source of ROLLUP_SOURCES) {
    const t = performance.now();
    const cells = await rebuildRollups(database, source);
    rollups[source.name] = (performance.now() - t) / 1000;
    log(
      `  roll-ups of ${source.name}: ${cells.toLocaleString('en')} rows in ${rollups[source.name].toFixed(1)} s`,
    );
  }
  const done = performance.now();
  const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
  return {
    rows,
    totalRows,
    sourceProjects,
    seconds: {
      generateAndInsert: (loaded - started) / 1000,
      indexes: (indexed - loaded) / 1000,
      rollups,
      total: (done - started) / 1000,
    },
    rowsPerSecond: totalRows / ((loaded - started) / 1000),
  };
}

export function formatRecordStats(s: RecordsStats): string {
  const rows = Object.entries(s.rows)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
    .join(', ');
  const rollups = Object.entries(s.seconds.rollups)
    .map(([name, secs]) => `${name} ${secs.toFixed(1)} s`)
    .join(', ');
  return `  ${s.totalRows.toLocaleString('en')} rows (${rows}; ${s.sourceProjects.toLocaleString('en')} projects given a source activity) in ${s.seconds.total.toFixed(1)} s: insert ${s.seconds.generateAndInsert.toFixed(1)} s (${Math.round(s.rowsPerSecond).toLocaleString('en')} rows/s) + indexes ${s.seconds.indexes.toFixed(1)} s + roll-ups ${rollups}`;
}
