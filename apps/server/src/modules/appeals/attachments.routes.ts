import { Attachment } from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { fail } from '../../lib/app-error.js';
import { actorOf } from '../../plugins/auth.js';
import { type AttachmentService, MAX_ATTACHMENT_BYTES } from '../attachments/attachments.service.js';
import type { AppealService } from './appeals.service.js';

const AppealParams = z.object({ id: z.string().min(1).max(64) }).strict();
const ItemParams = z.object({ id: z.string().min(1).max(64), itemId: z.string().min(1).max(64) }).strict();

/**
 * Files of an appeal (photos, letters, permits): typed and size-limited, read by whoever sees the
 * appeal, added by the parties handling it while it is open. Appeal evidence is never deleted. A
 * department never gets the files an enterprise attached to an anonymous appeal.
 */
export const appealAttachmentRoutes: FastifyPluginAsyncZod<{
  appeals: AppealService;
  attachments: AttachmentService;
  db: Db;
}> = async (app, { appeals, attachments, db }) => {
  const tags = ['appeals'];
  const uploaderOf = async (itemId: string) =>
    (await db.selectFrom('attachments').select('createdBy').where('id', '=', itemId).executeTakeFirst())
      ?.createdBy;

  app.get(
    '/appeals/:id/attachments',
    {
      config: { permission: 'appeals.read' },
      schema: { tags, params: AppealParams, response: { 200: z.array(Attachment) } },
    },
    async (req) => {
      const owner = await appeals.attachmentOwner(actorOf(req), req.params.id, false);
      const rows = await db
        .selectFrom('attachments')
        .select(['id', 'fileName', 'mime', 'size', 'createdAt', 'createdBy'])
        .where('ownerType', '=', owner.type)
        .where('ownerId', '=', owner.id)
        .orderBy('createdAt')
        .execute();
      return rows.filter((r) => !owner.hiddenUploaders.has(r.createdBy)).map(({ createdBy: _c, ...r }) => r);
    },
  );
  app.post(
    '/appeals/:id/attachments',
    {
      config: { permission: 'appeals.read' },
      schema: {
        tags,
        summary: 'Attach a file to an open appeal (multipart field "file"; pdf, images, Office; ≤ 20 MB)',
        params: AppealParams,
        response: { 201: Attachment },
      },
    },
    async (req, reply) => {
      const owner = await appeals.attachmentOwner(actorOf(req), req.params.id, true);
      if (!req.isMultipart()) fail('UNSUPPORTED_MEDIA_TYPE');
      const file = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
      if (!file) fail('FILE_INVALID');
      const data = await file.toBuffer();
      return reply.status(201).send(await attachments.add(actorOf(req), owner, file.filename, data));
    },
  );
  app.get(
    '/appeals/:id/attachments/:itemId',
    {
      config: { permission: 'appeals.read' },
      schema: { tags, summary: 'Download a file', params: ItemParams },
    },
    async (req, reply) => {
      const owner = await appeals.attachmentOwner(actorOf(req), req.params.id, false);
      const uploader = await uploaderOf(req.params.itemId);
      if (uploader && owner.hiddenUploaders.has(uploader)) fail('ITEM_NOT_FOUND');
      const { row, stream } = await attachments.open(owner, req.params.itemId);
      return reply
        .type(row.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
};
