import type { ColumnType, Selectable } from 'kysely';
import type { Bool, Versioned } from './common.js';

/* Incentive rewards: rates, the catalogue, applications, arrivals, events and payments. */

export interface IncentiveRateTable {
  currency: string;
  day: string;
  rate: string;
  source: string;
  note: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: ColumnType<number, number | undefined, number>;
}

export interface IncentiveCatalogueItemTable {
  id: string;
  itemKey: string;
  version: string;
  part: string;
  province: string | null;
  section: string;
  seq: number | null;
  name: string;
  manufacturing: Bool;
  industryCodes: string;
  source: string;
  searchText: string;
  createdAt: string;
  updatedAt: string;
}

export interface IncentiveApplicationTable extends Versioned {
  id: string;
  code: string;
  policyId: string;
  kind: string;
  enterpriseId: string;
  enterpriseName: string;
  regionId: string;
  regionPath: string;
  projectId: string | null;
  catalogueItemId: string | null;
  facts: string;
  materials: string;
  status: string;
  stage: string | null;
  stageDueOn: string | null;
  dueUnscheduled: ColumnType<Bool, Bool | undefined, Bool>;
  submittedOn: string;
  approvedOn: string | null;
  payDueOn: string | null;
  paidOn: string | null;
  closedOn: string | null;
  provisionalFen: number;
  approvedFen: number | null;
  paidFen: ColumnType<number, number | undefined, number>;
  evaluation: string;
  searchText: string;
  createdBy: string | null;
}

export interface IncentiveArrivalTable {
  id: string;
  applicationId: string;
  enterpriseId: string;
  position: number;
  bankReceiptNo: string;
  claimKey: string | null;
  receivedOn: string;
  currency: string;
  amount: number;
  amountFen: number | null;
  rate: string | null;
  rateDay: string | null;
  counted: Bool;
  projectId: string | null;
  projectFundId: string | null;
  createdAt: string;
}

export interface IncentiveEventTable {
  id: string;
  applicationId: string;
  action: string;
  stage: string | null;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  dueOn: string | null;
  onTime: Bool | null;
  actorId: string | null;
  actorName: string;
  unitName: string;
  createdAt: string;
}

export interface IncentivePaymentTable {
  id: string;
  applicationId: string;
  paidOn: string;
  amountFen: number;
  voucherNo: string;
  note: string | null;
  actorName: string;
  createdAt: string;
}

export interface IncentiveDatabase {
  incentiveRates: IncentiveRateTable;
  incentiveCatalogueItems: IncentiveCatalogueItemTable;
  incentiveApplications: IncentiveApplicationTable;
  incentiveArrivals: IncentiveArrivalTable;
  incentiveEvents: IncentiveEventTable;
  incentivePayments: IncentivePaymentTable;
}
export type IncentiveApplicationRow = Selectable<IncentiveApplicationTable>;
