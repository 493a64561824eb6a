import { Attachment, Ok } from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../lib/app-error.js';
import { actorOf } from '../../plugins/auth.js';
import { type AttachmentService, MAX_ATTACHMENT_BYTES } from '../attachments/attachments.service.js';
import type { ProjectService } from './projects.service.js';

const ProjectParams = z.object({ id: z.string().min(1).max(64) }).strict();
const ItemParams = z.object({ id: z.string().min(1).max(64), itemId: z.string().min(1).max(64) }).strict();

/** Documents of a project (agreements, permits, photos): typed and size-limited, read within scope. */
export const projectAttachmentRoutes: FastifyPluginAsyncZod<{
  projects: ProjectService;
  attachments: AttachmentService;
}> = async (app, { projects, attachments }) => {
  const tags = ['projects'];
  app.get(
    '/projects/:id/attachments',
    {
      config: { permission: 'projects.read' },
      schema: { tags, params: ProjectParams, response: { 200: z.array(Attachment) } },
    },
    async (req) => attachments.list(await projects.attachmentOwner(actorOf(req), req.params.id, false)),
  );
  app.post(
    '/projects/:id/attachments',
    {
      config: { permission: 'projects.write' },
      schema: {
        tags,
        summary: 'Upload a file (multipart field "file"; pdf, images, Office; ≤ 20 MB)',
        params: ProjectParams,
        response: { 201: Attachment },
      },
    },
    async (req, reply) => {
      const owner = await projects.attachmentOwner(actorOf(req), req.params.id, true);
      if (!req.isMultipart()) fail('UNSUPPORTED_MEDIA_TYPE');
      const file = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
      if (!file) fail('FILE_INVALID');
      const data = await file.toBuffer();
      return reply.status(201).send(await attachments.add(actorOf(req), owner, file.filename, data));
    },
  );
  app.get(
    '/projects/:id/attachments/:itemId',
    {
      config: { permission: 'projects.read' },
      schema: { tags, summary: 'Download a file', params: ItemParams },
    },
    async (req, reply) => {
      const owner = await projects.attachmentOwner(actorOf(req), req.params.id, false);
      const { row, stream } = await attachments.open(owner, req.params.itemId);
      return reply
        .type(row.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
  app.delete(
    '/projects/:id/attachments/:itemId',
    { config: { permission: 'projects.write' }, schema: { tags, params: ItemParams, response: { 200: Ok } } },
    async (req) => {
      const owner = await projects.attachmentOwner(actorOf(req), req.params.id, true);
      await attachments.remove(actorOf(req), owner, req.params.itemId);
      return { ok: true as const };
    },
  );
};
