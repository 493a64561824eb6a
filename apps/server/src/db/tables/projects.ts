import type { ColumnType, Selectable } from 'kysely';
import type { Bool, Versioned } from './common.js';

/* The project pipeline: investors, projects, stages and child records, roll-ups, targets, imports, files. */

export interface InvestorTable extends Versioned {
  id: string;
  name: string;
  nameNorm: string;
  creditCode: string | null;
  foreignRegNo: string | null;
  country: string | null;
  provinceCode: string | null;
  originGroup: string;
  legalRep: string | null;
  contactName: string | null;
  contactPhone: string | null;
  pinyin: string;
}

export interface ProjectTable extends Versioned {
  id: string;
  code: string;
  name: string;
  regionId: string;
  regionPath: string;
  industryCode: string;
  industrySection: string;
  totalInvestmentFen: number;
  foreignCapitalUsdCents: number;
  fundsInPlaceFen: ColumnType<number, number | undefined, number>;
  projectType: string;
  originGroup: string;
  investorNames: string;
  searchText: string;
  status: string;
  paused: ColumnType<Bool, Bool | undefined, Bool>;
  leaderName: string | null;
  serviceOfficerId: string | null;
  /** JSON arrays. */
  taskForce: string;
  tags: string;
  notes: string | null;
  sourceActivityId: string | null;
  createdOn: string;
  negotiatingOn: string | null;
  signedOn: string | null;
  startedOn: string | null;
  producingOn: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  lastEventOn: string;
  /** Due date of the earliest unmet factor need (kept by the project service): blocked once past. */
  openNeedDueOn: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A region's annual targets (migration 0010). */
export interface RegionTargetTable extends Versioned {
  regionId: string;
  year: number;
  signedCount: number;
  signedInvestmentFen: number;
  fundsFen: number;
}

/** A closed month's figure changed by a later write (migration 0013). */
export interface ReportRevisionTable {
  id: string;
  regionPath: string;
  period: string;
  metric: string;
  n: number;
  fen: number;
  summary: string;
  actorId: string | null;
  actorName: string;
  createdAt: string;
}

/** Pipeline roll-ups of a region and its subtree, per month or day (migration 0008). */
export interface RollupTable {
  source: string;
  regionPath: string;
  period: string;
  metric: string;
  n: number;
  fen: number;
  days: number;
}

export interface ProjectInvestorTable {
  projectId: string;
  investorId: string;
  position: number;
}

export interface ProjectEventTable {
  id: string;
  projectId: string;
  action: string;
  fromStatus: string;
  toStatus: string;
  eventOn: string;
  evidence: string | null;
  reason: string | null;
  actorId: string | null;
  actorName: string;
  createdAt: string;
}

export interface FactorNeedTable extends Versioned {
  id: string;
  projectId: string;
  kind: string;
  quantity: string | null;
  description: string | null;
  status: string;
  responsibleOrgId: string | null;
  dueOn: string | null;
  metOn: string | null;
}

export interface ProjectPromiseTable extends Versioned {
  id: string;
  projectId: string;
  /** The project's region path (kept by the project service), so figures need no join. */
  regionPath: string;
  content: string;
  responsibleOrgId: string | null;
  dueOn: string;
  status: string;
  fulfilledOn: string | null;
  evidence: string | null;
}

export interface ProjectFundTable {
  id: string;
  projectId: string;
  /** The project's region path (kept by the project service), so figures need no join. */
  regionPath: string;
  receivedOn: string;
  currency: string;
  amount: number;
  amountFen: number;
  source: string | null;
  createdAt: string;
}

/** A unit's corrected import column mapping (migration 0014). */
export interface ImportMappingTable {
  unitId: string;
  kind: string;
  /** The header as its ledger writes it, compacted (ledger compact()). */
  header: string;
  /** The ledger column it means; '' = not imported. */
  columnKey: string;
  updatedBy: string;
  updatedAt: string;
}

export interface ImportJobTable {
  id: string;
  kind: string;
  mode: string;
  status: string;
  phase: string;
  actorId: string;
  fileName: string;
  fileSha256: string;
  total: ColumnType<number, number | undefined, number>;
  rowsRead: ColumnType<number, number | undefined, number>;
  rowsChecked: ColumnType<number, number | undefined, number>;
  rowsWritten: ColumnType<number, number | undefined, number>;
  createdCount: ColumnType<number, number | undefined, number>;
  updatedCount: ColumnType<number, number | undefined, number>;
  skippedCount: ColumnType<number, number | undefined, number>;
  errorsJson: string;
  cancelRequested: ColumnType<Bool, Bool | undefined, Bool>;
  createdAt: string;
  updatedAt: string;
}

export interface AttachmentTable {
  id: string;
  ownerType: string;
  ownerId: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  createdBy: string;
  createdAt: string;
}

export interface ProjectDatabase {
  investors: InvestorTable;
  projects: ProjectTable;
  projectInvestors: ProjectInvestorTable;
  projectEvents: ProjectEventTable;
  factorNeeds: FactorNeedTable;
  projectPromises: ProjectPromiseTable;
  projectFunds: ProjectFundTable;
  rollups: RollupTable;
  regionTargets: RegionTargetTable;
  reportRevisions: ReportRevisionTable;
  importJobs: ImportJobTable;
  importMappings: ImportMappingTable;
  attachments: AttachmentTable;
}
export type ProjectRow = Selectable<ProjectTable>;
export type InvestorRow = Selectable<InvestorTable>;
export type FactorNeedRow = Selectable<FactorNeedTable>;
export type PromiseRow = Selectable<ProjectPromiseTable>;
