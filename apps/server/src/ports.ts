import { activityDashboard } from './modules/activities/rollups.repository.js';
import { appealDashboard } from './modules/appeals/rollups.repository.js';
import { deleteUserSessions } from './modules/auth/session.repository.js';
import { findApplication } from './modules/incentives/incentives.repository.js';
import { incentiveDashboard } from './modules/incentives/rollups.repository.js';
import { notify } from './modules/notifications/notifications.repository.js';
import {
  activeChildRegions,
  activeCitiesAndZones,
  activeUnitsUnder,
  cityNames,
  departmentsAround,
  findOrg,
  findOrgByPath,
  rootUnitIds,
} from './modules/orgs/orgs.repository.js';
import {
  findUser,
  findUserByUsername,
  setLoginState,
  toUser,
  userIdsOfUnit,
  usersOf,
} from './modules/orgs/users.repository.js';
import { findInvestorsByIds, toInvestor } from './modules/projects/investors.repository.js';
import {
  findProjectRow,
  findPromiseWithProject,
  pendingPromisesWithTasks,
} from './modules/projects/projects.repository.js';
import { projectRollups } from './modules/projects/rollups.repository.js';
import { latestCampaign, rectificationDashboard } from './modules/rectification/rollups.repository.js';

/**
 * What one module may use of another. A module never imports another module's files: its factory
 * (or, for a sweep or a helper, its function) takes `ports: Pick<Ports, …>` naming exactly the
 * functions it reaches for, and app.ts, the CLI, the seed and the tests pass this table in. Adding
 * an entry here is the one place a new dependency between modules shows up; the architecture test
 * (architecture.test.ts) fails on a `../other-module/` import inside modules/.
 */
export const ports = {
  // orgs: the unit tree and its users
  findOrg,
  findOrgByPath,
  activeUnitsUnder,
  departmentsAround,
  activeChildRegions,
  activeCitiesAndZones,
  cityNames,
  rootUnitIds,
  findUser,
  findUserByUsername,
  usersOf,
  userIdsOfUnit,
  setLoginState,
  toUser,
  // auth
  deleteUserSessions,
  // projects and investors
  findProjectRow,
  findPromiseWithProject,
  pendingPromisesWithTasks,
  findInvestorsByIds,
  toInvestor,
  projectRollups,
  // incentives
  findApplication,
  // notifications
  notify,
  // the dashboard's readers of each module's roll-ups
  activityDashboard,
  appealDashboard,
  incentiveDashboard,
  latestCampaign,
  rectificationDashboard,
};

export type Ports = typeof ports;
