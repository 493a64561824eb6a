import {
  ActivityDetail,
  ActivityFigures,
  ActivityFiguresQuery,
  ActivityListQuery,
  ActivitySummary,
  CreateActivityBody,
  IdParams,
  LeaderLogQuery,
  LeaderLogRow,
  Official,
  OfficialInput,
  OfficialListQuery,
  Ok,
  pageOf,
  UpdateActivityBody,
  UpdateOfficialBody,
  Version,
} from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.js';
import type { ActivityService } from './activities.service.js';

/** 招商活动: activities, their figures and the leader trip log; the officials register (files: app.ts). */
export const activityRoutes: FastifyPluginAsyncZod<{
  activities: ActivityService;
}> = async (app, { activities }) => {
  const tags = ['activities'];
  const read = { permission: 'activities.read' as const };
  const write = { permission: 'activities.write' as const };

  app.get(
    '/activities',
    {
      config: read,
      schema: {
        tags,
        summary: 'Filtered page of activities in the caller’s area, with what each brought',
        querystring: ActivityListQuery,
        response: { 200: pageOf(ActivitySummary) },
      },
    },
    async (req) => activities.list(actorOf(req), req.query),
  );
  app.get(
    '/activities/figures',
    {
      config: read,
      schema: {
        tags,
        summary: 'Activities by type, main leaders’ trips per unit, conversion to signed and started',
        querystring: ActivityFiguresQuery,
        response: { 200: ActivityFigures },
      },
    },
    async (req) => activities.figures(actorOf(req), req.query),
  );
  app.get(
    '/activities/leaders',
    {
      config: read,
      schema: {
        tags,
        summary: 'Leader trip log: each official’s trips, days away, enterprises met and results',
        querystring: LeaderLogQuery,
        response: { 200: pageOf(LeaderLogRow) },
      },
    },
    async (req) => activities.leaders(actorOf(req), req.query),
  );
  app.get(
    '/activities/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: ActivityDetail } } },
    async (req) => activities.get(actorOf(req), req.params.id),
  );
  app.post(
    '/activities',
    { config: write, schema: { tags, body: CreateActivityBody, response: { 201: ActivityDetail } } },
    async (req, reply) => reply.status(201).send(await activities.create(actorOf(req), req.body)),
  );
  app.patch(
    '/activities/:id',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Change an activity; lists given (officials, enterprises, projects) replace the current ones',
        params: IdParams,
        body: UpdateActivityBody,
        response: { 200: ActivityDetail },
      },
    },
    async (req) => activities.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/activities/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete an activity recorded in error (its project links go, the projects stay)',
        params: IdParams,
        querystring: z.object({ version: z.coerce.number().pipe(Version) }).strict(),
        response: { 200: Ok },
      },
    },
    async (req) => activities.remove(actorOf(req), req.params.id, req.query.version),
  );

  app.get(
    '/officials',
    {
      config: read,
      schema: {
        tags: ['officials'],
        summary: 'Officials of the caller’s area and of the units above it',
        querystring: OfficialListQuery,
        response: { 200: pageOf(Official) },
      },
    },
    async (req) => activities.listOfficials(actorOf(req), req.query),
  );
  app.get(
    '/officials/:id',
    {
      config: read,
      schema: {
        tags: ['officials'],
        summary: 'One official of the caller’s area or of a unit above it',
        params: IdParams,
        response: { 200: Official },
      },
    },
    async (req) => activities.getOfficial(actorOf(req), req.params.id),
  );
  app.post(
    '/officials',
    { config: write, schema: { tags: ['officials'], body: OfficialInput, response: { 201: Official } } },
    async (req, reply) => reply.status(201).send(await activities.createOfficial(actorOf(req), req.body)),
  );
  app.patch(
    '/officials/:id',
    {
      config: write,
      schema: {
        tags: ['officials'],
        params: IdParams,
        body: UpdateOfficialBody,
        response: { 200: Official },
      },
    },
    async (req) => activities.updateOfficial(actorOf(req), req.params.id, req.body),
  );
};
