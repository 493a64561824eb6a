import type { ColumnType, Selectable } from 'kysely';
import type { Bool, Versioned } from './common.js';

/* Leaders' investment trips and events, the officials, the enterprises met and the signings. */

export interface OfficialTable extends Versioned {
  id: string;
  name: string;
  post: string;
  level: string;
  main: Bool;
  active: ColumnType<Bool, Bool | undefined, Bool>;
  orgUnitId: string;
  orgPath: string;
  pinyin: string;
}

export interface ActivityTable extends Versioned {
  id: string;
  code: string;
  type: string;
  title: string;
  startOn: string;
  endOn: string;
  days: number;
  country: string;
  province: string | null;
  city: string | null;
  venue: string | null;
  organiserId: string;
  regionId: string;
  regionPath: string;
  /** JSON array of names. */
  participants: string;
  attendance: number | null;
  summary: string | null;
  officialNames: string;
  searchText: string;
  createdBy: string | null;
  createdByName: string | null;
}

export interface ActivityOfficialTable {
  activityId: string;
  officialId: string;
  position: number;
}

export interface ActivityInvestorTable {
  activityId: string;
  investorId: string;
  position: number;
}

export interface ActivitySigningTable {
  activityId: string;
  projectId: string;
  amountFen: number;
  position: number;
  createdAt: string;
}

export interface ActivityDatabase {
  officials: OfficialTable;
  activities: ActivityTable;
  activityOfficials: ActivityOfficialTable;
  activityInvestors: ActivityInvestorTable;
  activitySignings: ActivitySigningTable;
}
export type OfficialRow = Selectable<OfficialTable>;
export type ActivityRow = Selectable<ActivityTable>;
