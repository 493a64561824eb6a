import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { Ports } from '../../ports.js';
import { createProjectEditing } from './projects-edit.service.js';
import { createProjectReading } from './projects-read.service.js';
import { createProjectRecords } from './projects-records.service.js';
import { createProjectStaging } from './projects-stage.service.js';

export { industrySection } from './projects-edit.service.js';

/**
 * The project ledger (招商项目): composed of the files beside it: read (list, detail, overdue
 * promises, figures, attachment owner), edit (create, update), stage (the stage workflow) and
 * records (factor needs, promises, funds).
 */
export function createProjectService(deps: {
  db: Db;
  dialect: Dialect;
  config: Config;
  ports: Pick<Ports, 'findOrg' | 'rootUnitIds' | 'findUser'>;
}) {
  const reading = createProjectReading(deps);
  const editing = createProjectEditing(deps);
  const staging = createProjectStaging(deps);
  const records = createProjectRecords(deps);
  return {
    clock: reading.clock,
    attachmentOwner: reading.attachmentOwner,
    list: reading.list,
    get: reading.get,
    overduePromises: reading.overduePromises,
    figures: reading.figures,
    create: editing.create,
    update: editing.update,
    changeStage: staging.changeStage,
    addFactorNeed: records.addFactorNeed,
    updateFactorNeed: records.updateFactorNeed,
    addPromise: records.addPromise,
    updatePromise: records.updatePromise,
    addFund: records.addFund,
  };
}
export type ProjectService = ReturnType<typeof createProjectService>;
