import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { Ports } from '../../ports.js';
import { createActivityOfficials } from './activities-officials.service.js';
import { createActivityReading } from './activities-read.service.js';
import { createActivityRecords } from './activities-record.service.js';

/**
 * Investment promotion activities (招商活动): composed of the files beside it: read (list, detail,
 * figures, leaders' log, attachment owner), record (create, update, remove, with the links to
 * projects of activities-links.service.ts) and officials (the leaders who lead them).
 */
export function createActivityService(deps: {
  db: Db;
  dialect: Dialect;
  ports: Pick<Ports, 'findOrg' | 'findInvestorsByIds' | 'findProjectRow' | 'projectRollups' | 'toInvestor'>;
}) {
  const reading = createActivityReading(deps);
  const records = createActivityRecords(deps);
  const officials = createActivityOfficials(deps);
  return {
    list: reading.list,
    get: reading.get,
    figures: reading.figures,
    leaders: reading.leaders,
    create: records.create,
    update: records.update,
    remove: records.remove,
    attachmentOwner: reading.attachmentOwner,
    listOfficials: officials.listOfficials,
    getOfficial: officials.getOfficial,
    createOfficial: officials.createOfficial,
    updateOfficial: officials.updateOfficial,
  };
}
export type ActivityService = ReturnType<typeof createActivityService>;
