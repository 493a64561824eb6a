import {
  CreateProjectBody,
  FactorNeedInput,
  FundInput,
  IdParams,
  Investor,
  InvestorInput,
  InvestorListQuery,
  InvestorMatches,
  OverduePromise,
  OverduePromiseQuery,
  ProjectDetail,
  ProjectFigures,
  ProjectFiguresQuery,
  ProjectListQuery,
  ProjectSummary,
  PromiseInput,
  pageOf,
  StageChangeBody,
  UpdateFactorNeedBody,
  UpdateProjectBody,
  UpdatePromiseBody,
} from '@yingshang/contracts';
import { searchIndustries } from '@yingshang/rules';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.js';
import type { InvestorService } from './investors.service.js';
import type { ProjectService } from './projects.service.js';

const ProjectParams = z.object({ id: z.string().min(1).max(64) }).strict();
const ItemParams = z.object({ id: z.string().min(1).max(64), itemId: z.string().min(1).max(64) }).strict();
const Industry = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  parent: z.string().nullish(),
});

export const projectRoutes: FastifyPluginAsyncZod<{
  projects: ProjectService;
  investors: InvestorService;
}> = async (app, { projects, investors }) => {
  const tags = ['projects'];
  const read = { permission: 'projects.read' as const };
  const write = { permission: 'projects.write' as const };

  app.get(
    '/projects',
    {
      config: read,
      schema: {
        tags,
        summary: 'Filtered, sorted page of projects in the caller’s area',
        querystring: ProjectListQuery,
        response: { 200: pageOf(ProjectSummary) },
      },
    },
    async (req) => projects.list(actorOf(req), req.query),
  );
  app.get(
    '/projects/figures',
    {
      config: read,
      schema: {
        tags,
        summary: 'Pipeline figures for a period and region',
        querystring: ProjectFiguresQuery,
        response: { 200: ProjectFigures },
      },
    },
    async (req) => projects.figures(actorOf(req), req.query),
  );
  app.get(
    '/projects/promises/overdue',
    {
      config: read,
      schema: {
        tags,
        summary: 'Overdue promises made to investors (招商承诺不兑现), most overdue first',
        querystring: OverduePromiseQuery,
        response: { 200: pageOf(OverduePromise) },
      },
    },
    async (req) => projects.overduePromises(actorOf(req), req.query),
  );
  app.get(
    '/projects/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: ProjectDetail } } },
    async (req) => projects.get(actorOf(req), req.params.id),
  );
  app.post(
    '/projects',
    { config: write, schema: { tags, body: CreateProjectBody, response: { 201: ProjectDetail } } },
    async (req, reply) => reply.status(201).send(await projects.create(actorOf(req), req.body)),
  );
  app.patch(
    '/projects/:id',
    {
      config: write,
      schema: { tags, params: IdParams, body: UpdateProjectBody, response: { 200: ProjectDetail } },
    },
    async (req) => projects.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/projects/:id/stage',
    {
      config: write,
      schema: {
        tags,
        summary: 'Advance, terminate, pause, resume or correct the stage',
        params: ProjectParams,
        body: StageChangeBody,
        response: { 200: ProjectDetail },
      },
    },
    async (req) => projects.changeStage(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/projects/:id/factor-needs',
    {
      config: write,
      schema: { tags, params: ProjectParams, body: FactorNeedInput, response: { 201: ProjectDetail } },
    },
    async (req, reply) =>
      reply.status(201).send(await projects.addFactorNeed(actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/projects/:id/factor-needs/:itemId',
    {
      config: write,
      schema: { tags, params: ItemParams, body: UpdateFactorNeedBody, response: { 200: ProjectDetail } },
    },
    async (req) => projects.updateFactorNeed(actorOf(req), req.params.id, req.params.itemId, req.body),
  );
  app.post(
    '/projects/:id/promises',
    {
      config: write,
      schema: { tags, params: ProjectParams, body: PromiseInput, response: { 201: ProjectDetail } },
    },
    async (req, reply) =>
      reply.status(201).send(await projects.addPromise(actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/projects/:id/promises/:itemId',
    {
      config: write,
      schema: { tags, params: ItemParams, body: UpdatePromiseBody, response: { 200: ProjectDetail } },
    },
    async (req) => projects.updatePromise(actorOf(req), req.params.id, req.params.itemId, req.body),
  );
  app.post(
    '/projects/:id/funds',
    {
      config: write,
      schema: { tags, params: ProjectParams, body: FundInput, response: { 201: ProjectDetail } },
    },
    async (req, reply) =>
      reply.status(201).send(await projects.addFund(actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/investors',
    {
      config: read,
      schema: { tags: ['investors'], querystring: InvestorListQuery, response: { 200: pageOf(Investor) } },
    },
    async (req) => investors.list(actorOf(req), req.query),
  );
  app.get(
    '/investors/matches',
    {
      config: read,
      schema: {
        tags: ['investors'],
        summary: 'Probable duplicates of an investor about to be created',
        querystring: z
          .object({
            name: z.string().trim().min(1).max(200),
            creditCode: z.string().trim().max(18).optional(),
          })
          .strict(),
        response: { 200: InvestorMatches },
      },
    },
    async (req) => investors.matches(actorOf(req), req.query.name, req.query.creditCode),
  );
  app.post(
    '/investors',
    { config: write, schema: { tags: ['investors'], body: InvestorInput, response: { 201: Investor } } },
    async (req, reply) => reply.status(201).send(await investors.create(actorOf(req), req.body)),
  );

  app.get(
    '/industries',
    {
      config: read,
      schema: {
        tags: ['projects'],
        summary: 'GB/T 4754-2017 industries by code prefix or name',
        querystring: z.object({ q: z.string().trim().max(50).optional() }).strict(),
        response: { 200: z.array(Industry) },
      },
    },
    async (req) => searchIndustries(req.query.q ?? '').slice(0, 50),
  );
};
