import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { fail } from '../../lib/app-error.js';

export const healthRoutes: FastifyPluginAsyncZod<{ db: Db; dialect: Dialect }> = async (
  app,
  { db, dialect },
) => {
  app.get(
    '/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness and database check',
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    async (req) => {
      try {
        await sql`select 1`.execute(db);
      } catch (err) {
        req.log.error({ err }, 'health check: database unreachable');
        fail('UNAVAILABLE');
      }
      return { status: 'ok' as const, db: dialect.name };
    },
  );
};
