import { AuditEntry, AuditListQuery, pageOf } from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { scopePath } from '../../lib/actor.js';
import { actorOf } from '../../plugins/auth.js';
import { listAudit } from './audit.repository.js';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db; dialect: Dialect }> = async (
  app,
  { db, dialect },
) => {
  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit trail of changes within the caller’s area',
        querystring: AuditListQuery,
        response: { 200: pageOf(AuditEntry) },
      },
    },
    async (req) => listAudit(db, dialect, { ...req.query, scopePath: scopePath(actorOf(req)) }),
  );
};
