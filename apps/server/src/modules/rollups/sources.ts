import { activityRollups } from '../activities/rollups.repository.js';
import { projectRollups } from '../projects/rollups.repository.js';
import type { RollupSource } from './rollups.repository.js';

/** Every kind of record kept in the roll-ups: recounted by `yingshang verify-rollups` and at boot. */
export const ROLLUP_SOURCES: readonly RollupSource[] = [
  projectRollups as RollupSource,
  activityRollups as RollupSource,
];
