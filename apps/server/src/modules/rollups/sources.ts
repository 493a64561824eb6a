import { activityRollups } from '../activities/rollups.repository.js';
import { appealRollups } from '../appeals/rollups.repository.js';
import { incentiveRollups } from '../incentives/rollups.repository.js';
import { projectRollups } from '../projects/rollups.repository.js';
import { rectificationRollups } from '../rectification/rollups.repository.js';
import type { RollupSource } from './rollups.repository.js';

/** Every kind of record kept in the roll-ups: recounted by `yingshang verify-rollups` and at boot. */
export const ROLLUP_SOURCES: readonly RollupSource[] = [
  projectRollups as RollupSource,
  activityRollups as RollupSource,
  appealRollups as RollupSource,
  incentiveRollups as RollupSource,
  rectificationRollups as RollupSource,
];
