import {
  LedgerImportQuery,
  LedgerImportReport,
  LedgerMapping,
  LedgerMappingBody,
  TaskListQuery,
} from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { readUpload } from '../../kernel/upload.js';
import { sendXlsx, XLSX_MIME } from '../../kernel/xlsx.js';
import { actorOf } from '../../plugins/auth.js';
import { createRectificationExcel } from './rectification.excel.js';
import type { RectificationService } from './rectification.service.js';

/** 整改任务台账: export as .xlsx and import of a task list (all rows or none). */
export const rectificationExcelRoutes: FastifyPluginAsyncZod<{
  db: Db;
  dialect: Dialect;
  rectification: RectificationService;
}> = async (app, deps) => {
  const excel = createRectificationExcel(deps);
  const tags = ['rectification'];
  app.get(
    '/rectification/tasks/export.xlsx',
    {
      config: { permission: 'rectification.read' },
      schema: {
        tags,
        summary: '整改任务台账 (.xlsx) of the filtered list in the caller’s area',
        querystring: TaskListQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX_MIME],
      },
    },
    async (req, reply) => {
      const file = await excel.exportLedger(actorOf(req), req.query);
      return sendXlsx(reply, file, file.fileName.replace(/^\D+/, 'rectification-ledger-'));
    },
  );
  app.get(
    '/rectification/tasks/import-template.xlsx',
    {
      config: { permission: 'rectification.manage' },
      schema: {
        tags,
        summary: 'The task-list import layout for a campaign (.xlsx)',
        querystring: z.object({ campaignId: z.string().min(1).max(64) }).strict(),
        produces: [XLSX_MIME],
      },
    },
    async (req, reply) => {
      const file = await excel.importTemplate(actorOf(req), req.query.campaignId);
      return sendXlsx(reply, file, 'rectification-import-template.xlsx');
    },
  );
  app.post(
    '/rectification/tasks/import',
    {
      config: { permission: 'rectification.manage' },
      schema: {
        tags,
        summary:
          'Check (mode=check) or import a task list .xlsx or .csv (UTF-8 or GBK; multipart field `file`) into a campaign: every row or none (commit), or the valid rows (commit-valid); tasks already there are skipped',
        consumes: ['multipart/form-data'],
        querystring: LedgerImportQuery.extend({ campaignId: z.string().min(1).max(64) }),
        response: { 200: LedgerImportReport, 201: LedgerImportReport },
      },
    },
    async (req, reply) => {
      const { campaignId, ...q } = req.query;
      // the campaign first: a campaign outside the caller's area is a 404 before any upload is read
      await deps.rectification.getCampaign(actorOf(req), campaignId);
      const upload = await readUpload(req);
      const report = await excel.importTasks(actorOf(req), campaignId, upload, q);
      return reply.status(q.mode === 'check' ? 200 : 201).send(report);
    },
  );
  const manage = { permission: 'rectification.manage' as const };
  app.get(
    '/rectification/tasks/import/mapping',
    {
      config: manage,
      schema: {
        tags,
        summary: 'The caller’s unit’s saved column mapping of task lists',
        response: { 200: LedgerMapping },
      },
    },
    async (req) => excel.mapping.get(actorOf(req)),
  );
  app.put(
    '/rectification/tasks/import/mapping',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Save the columns the clerk corrected, for the unit’s next task lists (audited)',
        body: LedgerMappingBody,
        response: { 200: LedgerMapping },
      },
    },
    async (req) => excel.mapping.save(actorOf(req), req.body),
  );
};
