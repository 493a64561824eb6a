import type { RollupSource } from './kernel/rollups.js';
import { activityRollups } from './modules/activities/rollups.repository.js';
import { appealRollups } from './modules/appeals/rollups.repository.js';
import { incentiveRollups } from './modules/incentives/rollups.repository.js';
import { projectRollups } from './modules/projects/rollups.repository.js';
import { rectificationRollups } from './modules/rectification/rollups.repository.js';

/** Every kind of record kept in the roll-ups: recounted by `yingshang verify-rollups` and at boot. */
export const ROLLUP_SOURCES: readonly RollupSource[] = [
  projectRollups as RollupSource,
  activityRollups as RollupSource,
  appealRollups as RollupSource,
  incentiveRollups as RollupSource,
  rectificationRollups as RollupSource,
];
