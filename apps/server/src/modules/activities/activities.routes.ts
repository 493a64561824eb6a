import {
  ActivityDetail,
  ActivityFigures,
  ActivityFiguresQuery,
  ActivityListQuery,
  ActivitySummary,
  Attachment,
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
import { fail } from '../../lib/app-error.js';
import { actorOf } from '../../plugins/auth.js';
import { type AttachmentService, MAX_ATTACHMENT_BYTES } from '../attachments/attachments.service.js';
import type { ActivityService } from './activities.service.js';

const ItemParams = z.object({ id: z.string().min(1).max(64), itemId: z.string().min(1).max(64) }).strict();

/** 招商活动: activities, their figures and the leader trip log; the officials register; attachments. */
export const activityRoutes: FastifyPluginAsyncZod<{
  activities: ActivityService;
  attachments: AttachmentService;
}> = async (app, { activities, attachments }) => {
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
    '/activities/:id/attachments',
    { config: read, schema: { tags, params: IdParams, response: { 200: z.array(Attachment) } } },
    async (req) => attachments.list(await activities.attachmentOwner(actorOf(req), req.params.id, false)),
  );
  app.post(
    '/activities/:id/attachments',
    {
      config: write,
      schema: {
        tags,
        summary: 'Upload a file (multipart field "file"; pdf, images, Office; ≤ 20 MB)',
        params: IdParams,
        response: { 201: Attachment },
      },
    },
    async (req, reply) => {
      const owner = await activities.attachmentOwner(actorOf(req), req.params.id, true);
      if (!req.isMultipart()) fail('UNSUPPORTED_MEDIA_TYPE');
      const file = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
      if (!file) fail('FILE_INVALID');
      const data = await file.toBuffer();
      return reply.status(201).send(await attachments.add(actorOf(req), owner, file.filename, data));
    },
  );
  app.get(
    '/activities/:id/attachments/:itemId',
    { config: read, schema: { tags, summary: 'Download a file', params: ItemParams } },
    async (req, reply) => {
      const owner = await activities.attachmentOwner(actorOf(req), req.params.id, false);
      const { row, stream } = await attachments.open(owner, req.params.itemId);
      return reply
        .type(row.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
  app.delete(
    '/activities/:id/attachments/:itemId',
    { config: write, schema: { tags, params: ItemParams, response: { 200: Ok } } },
    async (req) => {
      const owner = await activities.attachmentOwner(actorOf(req), req.params.id, true);
      await attachments.remove(actorOf(req), owner, req.params.itemId);
      return { ok: true as const };
    },
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
