import {
  ApplicationDetail,
  ApplicationExportQuery,
  ApplicationInput,
  ApplicationListQuery,
  ApplicationSummary,
  EvaluateBody,
  Evaluation,
  IdParams,
  PaymentInput,
  Policy,
  pageOf,
  Rate,
  RateInput,
  RateQuery,
  ResubmitBody,
  ReviewBody,
} from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx, XLSX_MIME } from '../../kernel/xlsx.js';
import { actorOf } from '../../plugins/auth.js';
import { createIncentiveExcel } from './incentives.excel.js';
import type { IncentiveService } from './incentives.service.js';

/** 惠企政策兑现: policies, trial evaluation, applications, review, payments, the rate table. */
export const incentiveRoutes: FastifyPluginAsyncZod<{ incentives: IncentiveService }> = async (
  app,
  { incentives: svc },
) => {
  const tags = ['incentives'];
  const read = { permission: 'incentives.read' as const };
  const apply = { permission: 'incentives.apply' as const };
  const review = { permission: 'incentives.review' as const };
  const pay = { permission: 'incentives.pay' as const };
  const rates = { permission: 'rates.manage' as const };

  app.get(
    '/incentives/policies',
    {
      config: read,
      schema: {
        tags,
        summary: 'Policies as data: validity, parameters with their validity and basis, required materials',
        response: { 200: z.array(Policy) },
      },
    },
    async () => svc.policies(),
  );
  app.post(
    '/incentives/evaluate',
    {
      config: read,
      schema: {
        tags,
        summary: 'Trial computation: eligibility, amount in fen and the trace; saves nothing',
        description:
          'Rounding: the reward is rounded half up to the fen once, on the total. USD arrivals convert at the PBOC central parity of the arrival date (or the latest published within 15 days before it) from the rate table; the rate used is in the trace.',
        body: EvaluateBody,
        response: { 200: Evaluation },
      },
    },
    async (req) => svc.evaluate(actorOf(req), req.body),
  );
  const excel = createIncentiveExcel({ incentives: svc });
  app.get(
    '/incentives/applications/export.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: '惠企政策兑现申请台账 (.xlsx) of the filtered applications in the caller’s scope',
        querystring: ApplicationExportQuery,
        produces: [XLSX_MIME],
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await excel.exportApplications(actorOf(req), req.query), 'incentive-applications.xlsx'),
  );
  app.get(
    '/incentives/applications',
    {
      config: read,
      schema: { tags, querystring: ApplicationListQuery, response: { 200: pageOf(ApplicationSummary) } },
    },
    async (req) => svc.list(actorOf(req), req.query),
  );
  app.post(
    '/incentives/applications',
    {
      config: apply,
      schema: {
        tags,
        summary:
          'Apply under a policy (an enterprise, or staff on its behalf); the amount is computed with its trace',
        body: ApplicationInput,
        response: { 201: ApplicationDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.apply(actorOf(req), req.body)),
  );
  app.get(
    '/incentives/applications/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: ApplicationDetail } } },
    async (req) => svc.get(actorOf(req), req.params.id),
  );
  app.post(
    '/incentives/applications/:id/review',
    {
      config: review,
      schema: {
        tags,
        summary:
          'Approve, return for more material or reject at the caller’s step (county/zone → city → province)',
        params: IdParams,
        body: ReviewBody,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => svc.review(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/incentives/applications/:id/resubmit',
    {
      config: apply,
      schema: {
        tags,
        summary: 'Resubmit a returned application with its materials completed',
        params: IdParams,
        body: ResubmitBody,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => svc.resubmit(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/incentives/applications/:id/payments',
    {
      config: pay,
      schema: {
        tags,
        summary: 'Record a payment (partial payments allowed, never above the approved amount)',
        params: IdParams,
        body: PaymentInput,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => svc.pay(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/incentives/rates',
    {
      config: read,
      schema: {
        tags,
        summary: 'USD→CNY central parities',
        querystring: RateQuery,
        response: { 200: z.array(Rate) },
      },
    },
    async (req) => svc.listRates(req.query),
  );
  app.post(
    '/incentives/rates',
    {
      config: rates,
      schema: {
        tags,
        summary: 'Enter or correct the central parity of a day',
        body: RateInput,
        response: { 200: Rate },
      },
    },
    async (req) => svc.putRate(actorOf(req), req.body),
  );
};
