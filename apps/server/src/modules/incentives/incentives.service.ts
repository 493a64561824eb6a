import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { Ports } from '../../ports.js';
import { createIncentiveApplying } from './incentives-apply.service.js';
import { createIncentiveCompute } from './incentives-compute.service.js';
import { createIncentiveReading } from './incentives-read.service.js';
import { createIncentiveReviewing } from './incentives-review.service.js';

/**
 * 惠企政策兑现 (the east-to-west transfer policy): the policy and its 测算, applications through the
 * county → city → province review chain, payment, and the central parities the amounts rest on.
 * Composed of the files beside it: compute (policy, evaluation, rates), read (list, detail),
 * apply (apply, resubmit) and review (review, pay).
 */
export function createIncentiveService(deps: {
  db: Db;
  dialect: Dialect;
  ports: Pick<Ports, 'notify' | 'findOrg' | 'findOrgByPath' | 'usersOf'>;
}) {
  const compute = createIncentiveCompute(deps);
  const reading = createIncentiveReading(deps);
  const applying = createIncentiveApplying(deps);
  const reviewing = createIncentiveReviewing(deps);
  return {
    policies: compute.policies,
    evaluate: compute.evaluate,
    list: reading.list,
    get: reading.get,
    apply: applying.apply,
    review: reviewing.review,
    resubmit: applying.resubmit,
    pay: reviewing.pay,
    listRates: compute.listRates,
    putRate: compute.putRate,
  };
}

export type IncentiveService = ReturnType<typeof createIncentiveService>;
