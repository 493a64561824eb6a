import { TaskListQuery } from '@yingshang/contracts';
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
          'Import a task list .xlsx or .csv (UTF-8 or GBK; multipart field `file`) into a campaign: every row or none',
        consumes: ['multipart/form-data'],
        querystring: z.object({ campaignId: z.string().min(1).max(64) }).strict(),
        response: { 201: z.object({ imported: z.number().int(), taskIds: z.array(z.string()) }) },
      },
    },
    async (req, reply) => {
      // the campaign first: a campaign outside the caller's area is a 404 before any upload is read
      await deps.rectification.getCampaign(actorOf(req), req.query.campaignId);
      const upload = await readUpload(req);
      return reply.status(201).send(await excel.importTasks(actorOf(req), req.query.campaignId, upload));
    },
  );
};
