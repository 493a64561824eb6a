import {
  Campaign,
  CampaignFigures,
  CampaignFiguresQuery,
  CampaignInput,
  CloseTaskBody,
  ContributionInput,
  FindingInput,
  IdParams,
  ProgressInput,
  PromiseTaskInput,
  pageOf,
  ReopenTaskBody,
  TaskDetail,
  TaskInput,
  TaskListQuery,
  TaskSummary,
  UpdateTaskBody,
  VerificationInput,
} from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.js';
import type { RectificationService } from './rectification.service.js';

/** 整改台账: campaigns, tasks, progress, verification, 销号 (the evidence files are the kernel attachment routes, registered in app.ts). */
export const rectificationRoutes: FastifyPluginAsyncZod<{
  rectification: RectificationService;
}> = async (app, { rectification: svc }) => {
  const tags = ['rectification'];
  const read = { permission: 'rectification.read' as const };
  const report = { permission: 'rectification.report' as const };
  const verify = { permission: 'rectification.verify' as const };
  const manage = { permission: 'rectification.manage' as const };

  app.get(
    '/rectification/campaigns',
    {
      config: read,
      schema: {
        tags,
        summary: 'Campaigns issued in or above the caller’s area',
        response: { 200: z.array(Campaign) },
      },
    },
    async (req) => svc.listCampaigns(actorOf(req)),
  );
  app.post(
    '/rectification/campaigns',
    { config: manage, schema: { tags, body: CampaignInput, response: { 201: Campaign } } },
    async (req, reply) => reply.status(201).send(await svc.createCampaign(actorOf(req), req.body)),
  );
  app.get(
    '/rectification/campaigns/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Campaign } } },
    async (req) => svc.getCampaign(actorOf(req), req.params.id),
  );
  app.get(
    '/rectification/campaigns/:id/figures',
    {
      config: read,
      schema: {
        tags,
        summary: 'Completion by problem, unit and zone; overdue tasks; burn-down',
        params: IdParams,
        querystring: CampaignFiguresQuery,
        response: { 200: CampaignFigures },
      },
    },
    async (req) => svc.figures(actorOf(req), req.params.id, req.query),
  );

  app.get(
    '/rectification/tasks',
    { config: read, schema: { tags, querystring: TaskListQuery, response: { 200: pageOf(TaskSummary) } } },
    async (req) => svc.list(actorOf(req), req.query),
  );
  app.post(
    '/rectification/tasks',
    { config: manage, schema: { tags, body: TaskInput, response: { 201: TaskDetail } } },
    async (req, reply) => reply.status(201).send(await svc.create(actorOf(req), req.body)),
  );
  app.post(
    '/rectification/findings',
    {
      config: verify,
      schema: {
        tags,
        summary: 'A field-survey finding (实地调研) that becomes a task',
        body: FindingInput,
        response: { 201: TaskDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.recordFinding(actorOf(req), req.body)),
  );
  app.post(
    '/rectification/promises/:id/task',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Turn an overdue investment promise into a task (one per promise)',
        params: IdParams,
        body: PromiseTaskInput,
        response: { 201: TaskDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.fromPromise(actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/rectification/incentives/:id/task',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Turn an approved incentive reward unpaid past its due date into a task (one per application)',
        params: IdParams,
        body: PromiseTaskInput,
        response: { 201: TaskDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.fromIncentive(actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/rectification/tasks/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: TaskDetail } } },
    async (req) => svc.get(actorOf(req), req.params.id),
  );
  app.patch(
    '/rectification/tasks/:id',
    {
      config: manage,
      schema: { tags, params: IdParams, body: UpdateTaskBody, response: { 200: TaskDetail } },
    },
    async (req) => svc.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/rectification/tasks/:id/progress',
    {
      config: report,
      schema: {
        tags,
        summary: 'The lead unit’s progress report',
        params: IdParams,
        body: ProgressInput,
        response: { 200: TaskDetail },
      },
    },
    async (req) => svc.report(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/rectification/tasks/:id/contributions',
    {
      config: report,
      schema: {
        tags,
        summary: 'A cooperating unit’s contribution',
        params: IdParams,
        body: ContributionInput,
        response: { 200: TaskDetail },
      },
    },
    async (req) => svc.contribute(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/rectification/tasks/:id/self-inspections',
    {
      config: report,
      schema: {
        tags,
        summary: 'Self-inspection (自查) by the lead unit',
        params: IdParams,
        body: VerificationInput,
        response: { 200: TaskDetail },
      },
    },
    async (req) => svc.selfInspect(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/rectification/tasks/:id/field-surveys',
    {
      config: verify,
      schema: {
        tags,
        summary: 'Field survey (实地调研) by an inspector; a failure sends the task back',
        params: IdParams,
        body: VerificationInput,
        response: { 200: TaskDetail },
      },
    },
    async (req) => svc.fieldSurvey(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/rectification/tasks/:id/close',
    {
      config: verify,
      schema: {
        tags,
        summary: '销号 (after a passed verification)',
        params: IdParams,
        body: CloseTaskBody,
        response: { 200: TaskDetail },
      },
    },
    async (req) => svc.close(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/rectification/tasks/:id/reopen',
    {
      config: verify,
      schema: {
        tags,
        summary: 'Reopen a closed task, with a reason',
        params: IdParams,
        body: ReopenTaskBody,
        response: { 200: TaskDetail },
      },
    },
    async (req) => svc.reopen(actorOf(req), req.params.id, req.body),
  );
};
