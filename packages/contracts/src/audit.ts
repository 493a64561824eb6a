import { z } from 'zod';
import { Day, Paging, Timestamp } from './common.js';

export const AuditEntry = z.object({
  id: z.string(),
  at: Timestamp,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** 补录: the entry records something that happened on this earlier day. */
  backdatedTo: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditListQuery = Paging.extend({
  actor: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  from: Day.optional(),
  to: Day.optional(),
}).strict();
