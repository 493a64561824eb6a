import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { Ports } from '../../ports.js';
import { createCampaignService } from './campaigns.service.js';
import { createTaskWorkflowService } from './task-workflow.service.js';
import { createTaskCommon } from './tasks.common.js';
import { createTaskService } from './tasks.service.js';

/**
 * 整改台账: campaigns (campaigns.service), tasks and their creation (tasks.service) and the life of a
 * task from edit to 销号 (task-workflow.service), sharing the task steps of tasks.common.
 */
export function createRectificationService(deps: {
  db: Db;
  dialect: Dialect;
  ports: Pick<Ports, 'findApplication' | 'notify' | 'findOrg' | 'findOrgByPath' | 'findPromiseWithProject'>;
}) {
  const common = createTaskCommon(deps);
  return {
    ...createCampaignService(deps),
    ...createTaskService(deps, common),
    ...createTaskWorkflowService(deps, common),
  };
}
export type RectificationService = ReturnType<typeof createRectificationService>;
