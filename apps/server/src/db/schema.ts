import type { ActivityDatabase } from './tables/activities.js';
import type { AppealDatabase } from './tables/appeals.js';
import type { CoreDatabase } from './tables/core.js';
import type { IncentiveDatabase } from './tables/incentives.js';
import type { ProjectDatabase } from './tables/projects.js';
import type { RectificationDatabase } from './tables/rectification.js';

/**
 * The database's tables, in camelCase (CamelCasePlugin maps them to snake_case columns): one file
 * per domain in tables/, assembled here.
 */
export interface Database
  extends CoreDatabase,
    ProjectDatabase,
    ActivityDatabase,
    AppealDatabase,
    RectificationDatabase,
    IncentiveDatabase {}

export type { Generated } from 'kysely';
export * from './tables/activities.js';
export * from './tables/appeals.js';
export type { Bool, Versioned } from './tables/common.js';
export * from './tables/core.js';
export * from './tables/incentives.js';
export * from './tables/projects.js';
export * from './tables/rectification.js';
