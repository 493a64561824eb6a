import { Dashboard, DashboardQuery } from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.js';
import type { DashboardService } from './dashboard.service.js';

export const dashboardRoutes: FastifyPluginAsyncZod<{ dashboard: DashboardService }> = async (
  app,
  { dashboard },
) => {
  app.get(
    '/dashboard',
    {
      config: { permission: 'dashboard.read' },
      schema: {
        tags: ['dashboard'],
        summary: 'The leaders’ dashboard of a region for a run of months, with last year’s same months',
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    async (req) => dashboard.get(actorOf(req), req.query),
  );
};
