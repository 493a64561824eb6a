import {
  ArrearDetail,
  ArrearFigures,
  ArrearFiguresQuery,
  ArrearInput,
  ArrearListQuery,
  Arrear as ArrearSchema,
  IdParams,
  pageOf,
  RepaymentInput,
} from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx, XLSX_MIME } from '../../kernel/xlsx.js';
import { actorOf } from '../../plugins/auth.js';
import { exportArrears } from './arrears.excel.js';
import type { ArrearService } from './arrears.service.js';

/** 清欠台账 (SOE arrears owed to SMEs). */
export const arrearRoutes: FastifyPluginAsyncZod<{ arrears: ArrearService }> = async (app, { arrears }) => {
  const tags = ['rectification'];
  const read = { permission: 'rectification.read' as const };
  const report = { permission: 'rectification.report' as const };

  app.get(
    '/rectification/arrears',
    { config: read, schema: { tags, querystring: ArrearListQuery, response: { 200: pageOf(ArrearSchema) } } },
    async (req) => arrears.list(actorOf(req), req.query),
  );
  app.get(
    '/rectification/arrears/export.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: '清欠台账 (.xlsx) of the filtered arrears in the caller’s area',
        querystring: ArrearListQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX_MIME],
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await exportArrears(arrears, actorOf(req), req.query), 'arrears-ledger.xlsx'),
  );
  app.get(
    '/rectification/arrears/figures',
    {
      config: read,
      schema: {
        tags,
        summary: 'Arrears by debtor and by region',
        querystring: ArrearFiguresQuery,
        response: { 200: ArrearFigures },
      },
    },
    async (req) => arrears.figures(actorOf(req), req.query),
  );
  app.post(
    '/rectification/arrears',
    { config: report, schema: { tags, body: ArrearInput, response: { 201: ArrearDetail } } },
    async (req, reply) => reply.status(201).send(await arrears.create(actorOf(req), req.body)),
  );
  app.get(
    '/rectification/arrears/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: ArrearDetail } } },
    async (req) => arrears.get(actorOf(req), req.params.id),
  );
  app.post(
    '/rectification/arrears/:id/repayments',
    {
      config: report,
      schema: {
        tags,
        summary: 'Record a repayment',
        params: IdParams,
        body: RepaymentInput,
        response: { 200: ArrearDetail },
      },
    },
    async (req) => arrears.repay(actorOf(req), req.params.id, req.body),
  );
};
