import {
  IdParams,
  ImportJob,
  ImportMapping,
  ImportMappingBody,
  ImportStarted,
  ImportStartQuery,
  ProjectExportQuery,
} from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MAX_UPLOAD_BYTES, readUpload } from '../../kernel/upload.js';
import { sendXlsx, XLSX_MIME } from '../../kernel/xlsx.js';
import { actorOf } from '../../plugins/auth.js';
import { localeOf } from '../../plugins/errors.js';
import type { ProjectExcelService } from './projects.excel.js';
import type { ProjectImportService } from './projects-import.service.js';

/** The upload limit (the multipart plugin is registered with the same in app.ts). */
export const IMPORT_MAX_BYTES = MAX_UPLOAD_BYTES;

/** 招商项目台账: Excel export of the filtered list, and the import jobs. */
export const projectExcelRoutes: FastifyPluginAsyncZod<{
  excel: ProjectExcelService;
  imports: ProjectImportService;
}> = async (app, { excel, imports }) => {
  const tags = ['projects'];
  const read = { permission: 'projects.read' as const };
  const write = { permission: 'projects.write' as const };

  app.addHook('onReady', () => imports.failStale());
  app.addHook('onClose', () => imports.stop());

  app.get(
    '/projects/export.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: '招商项目台账 (.xlsx) of the filtered list in the caller’s area',
        querystring: ProjectExportQuery,
        produces: [XLSX_MIME],
      },
    },
    async (req, reply) => {
      const file = await excel.exportLedger(actorOf(req), req.query);
      return sendXlsx(reply, file, file.fileName.replace(/^\D+/, 'project-ledger-'));
    },
  );

  app.post(
    '/projects/import',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Upload a ledger .xlsx or .csv (UTF-8 or GBK; multipart field `file`, ≤ 20 MB): starts an import job',
        consumes: ['multipart/form-data'],
        querystring: ImportStartQuery,
        response: { 202: ImportStarted },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const upload = await readUpload(req, IMPORT_MAX_BYTES);
      const id = await imports.start(actor, upload, req.query.mode, req.query.sheet);
      return reply.status(202).send({ id });
    },
  );

  app.get(
    '/projects/import/mapping',
    {
      config: write,
      schema: {
        tags,
        summary: 'The column mapping the caller’s unit saved for its ledgers (header → column)',
        response: { 200: ImportMapping },
      },
    },
    async (req) => imports.mapping(actorOf(req)),
  );

  app.put(
    '/projects/import/mapping',
    {
      config: write,
      schema: {
        tags,
        summary: 'Saves corrected columns for the caller’s unit: its next files are read with them',
        body: ImportMappingBody,
        response: { 200: ImportMapping },
      },
    },
    async (req) => imports.saveMapping(actorOf(req), req.body),
  );

  app.get(
    '/projects/import/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Progress and report of one of the caller’s imports',
        params: IdParams,
        response: { 200: ImportJob },
      },
    },
    async (req) => imports.get(actorOf(req), req.params.id, localeOf(req)),
  );

  app.post(
    '/projects/import/:id/cancel',
    {
      config: write,
      schema: {
        tags,
        summary: 'Stop one of the caller’s running imports (everything it wrote is rolled back)',
        params: IdParams,
        response: { 200: ImportJob },
      },
    },
    async (req) => imports.cancel(actorOf(req), req.params.id, localeOf(req)),
  );
};
