import {
  Dashboard,
  DashboardQuery,
  MonthlyReport,
  MonthlyReportQuery,
  TargetsBody,
} from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx, XLSX_MIME } from '../../kernel/xlsx.js';
import { actorOf } from '../../plugins/auth.js';
import { dashboardWorkbook } from './dashboard.excel.js';
import type { DashboardService } from './dashboard.service.js';
import { monthlyWorkbook } from './monthly.excel.js';

export const dashboardRoutes: FastifyPluginAsyncZod<{ dashboard: DashboardService }> = async (
  app,
  { dashboard },
) => {
  const config = { permission: 'dashboard.read' as const };
  const tags = ['dashboard'];
  app.get(
    '/dashboard',
    {
      config,
      schema: {
        tags,
        summary: 'The leaders’ dashboard of a region for a run of months, with last year’s same months',
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    async (req) => dashboard.get(actorOf(req), req.query),
  );
  app.get(
    '/dashboard/export.xlsx',
    {
      config,
      schema: {
        tags,
        summary: 'The dashboard as a workbook (.xlsx), one sheet per section',
        querystring: DashboardQuery,
        produces: [XLSX_MIME],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const d = await dashboard.get(actor, req.query);
      const file = {
        fileName: `${d.region.name}-${d.period.from}-${d.period.to}.xlsx`,
        body: await dashboardWorkbook(d, actor.locale),
      };
      return sendXlsx(reply, file, `dashboard-${d.region.code}-${d.period.from}-${d.period.to}.xlsx`);
    },
  );
  app.get(
    '/dashboard/monthly',
    {
      config,
      schema: {
        tags,
        summary: '招商引资月报: a month, the year to date, last year and the annual target per region',
        querystring: MonthlyReportQuery,
        response: { 200: MonthlyReport },
      },
    },
    async (req) => dashboard.monthly(actorOf(req), req.query),
  );
  app.get(
    '/dashboard/monthly.xlsx',
    {
      config,
      schema: {
        tags,
        summary: '招商引资月报 as a workbook (.xlsx): the page’s table, one row per region',
        querystring: MonthlyReportQuery,
        produces: [XLSX_MIME],
      },
    },
    async (req, reply) => {
      const report = await dashboard.monthly(actorOf(req), req.query);
      return sendXlsx(reply, await monthlyWorkbook(report), `monthly-report-${report.month}.xlsx`);
    },
  );
  app.put(
    '/dashboard/targets',
    {
      config: { permission: 'targets.manage' },
      schema: { tags, summary: 'Set annual targets of regions (all or none)', body: TargetsBody },
    },
    async (req, reply) => {
      await dashboard.setTargets(actorOf(req), req.body);
      return reply.status(204).send();
    },
  );
};
