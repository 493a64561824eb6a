import type { Readable } from 'node:stream';
import { Attachment, Ok, type Permission } from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../lib/actor.js';
import { actorOf } from '../plugins/auth.js';
import { readUpload } from './upload.js';
import { contentDisposition } from './xlsx.js';

type AttachmentDto = z.output<typeof Attachment>;

/** What the routes need of the file store (the attachments module's service fits it). */
export interface AttachmentStore<O> {
  list(owner: O): Promise<AttachmentDto[]>;
  add(actor: Actor, owner: O, fileName: string, data: Buffer): Promise<AttachmentDto>;
  open(owner: O, id: string): Promise<{ row: { mime: string; fileName: string }; stream: Readable }>;
  remove(actor: Actor, owner: O, id: string): Promise<void>;
}

export interface AttachmentRoutesOptions<O> {
  /** The owning record's address with its `:id`, e.g. `/projects/:id` (files at `…/attachments`). */
  base: `/${string}/:id`;
  tags: string[];
  /** Who may list and download, and who may upload and delete. */
  permission: { read: Permission; write: Permission };
  /**
   * The record owning the files, for this actor: fails with the record's *_NOT_FOUND when it is
   * outside their scope; with `write` also when they may not change it now.
   */
  owner(actor: Actor, id: string, write: boolean): Promise<O>;
  store: AttachmentStore<O>;
  /** What the upload accepts, for the OpenAPI summary. */
  uploadSummary?: string;
  /** false: the files are evidence and are never deleted (no DELETE route). Default true. */
  deletable?: boolean;
}

const OwnerParams = z.object({ id: z.string().min(1).max(64) }).strict();
const ItemParams = z.object({ id: z.string().min(1).max(64), itemId: z.string().min(1).max(64) }).strict();

/**
 * The four routes of a record's files, written once: GET list, POST upload (multipart field
 * `file`), GET download (the file's own name, nosniff), DELETE (audited). Register it once per
 * owning kind with that kind's owner check:
 *
 *   await v1.register(attachmentRoutes, { base: '/projects/:id', tags: ['projects'],
 *     permission: { read: 'projects.read', write: 'projects.write' },
 *     owner: projects.attachmentOwner, store: attachments });
 */
export const attachmentRoutes: FastifyPluginAsyncZod<AttachmentRoutesOptions<unknown>> = async (app, o) => {
  const { tags, store } = o;
  const base = `${o.base}/attachments`;
  const read = { permission: o.permission.read };
  const write = { permission: o.permission.write };

  app.get(
    base,
    { config: read, schema: { tags, params: OwnerParams, response: { 200: z.array(Attachment) } } },
    async (req) => store.list(await o.owner(actorOf(req), req.params.id, false)),
  );
  app.post(
    base,
    {
      config: write,
      schema: {
        tags,
        summary: o.uploadSummary ?? 'Upload a file (multipart field "file"; pdf, images, Office; ≤ 20 MB)',
        consumes: ['multipart/form-data'],
        params: OwnerParams,
        response: { 201: Attachment },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const owner = await o.owner(actor, req.params.id, true);
      const file = await readUpload(req);
      return reply.status(201).send(await store.add(actor, owner, file.fileName, file.data));
    },
  );
  app.get(
    `${base}/:itemId`,
    { config: read, schema: { tags, summary: 'Download a file', params: ItemParams } },
    async (req, reply) => {
      const owner = await o.owner(actorOf(req), req.params.id, false);
      const { row, stream } = await store.open(owner, req.params.itemId);
      return reply
        .type(row.mime)
        .header('content-disposition', contentDisposition(row.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
  if (o.deletable === false) return;
  app.delete(
    `${base}/:itemId`,
    { config: write, schema: { tags, params: ItemParams, response: { 200: Ok } } },
    async (req) => {
      const actor = actorOf(req);
      await store.remove(actor, await o.owner(actor, req.params.id, true), req.params.itemId);
      return { ok: true as const };
    },
  );
};

/** Typed registration: `owner` and `store` agree on the owner's type. */
export const attachmentRoutesFor = <O>(options: AttachmentRoutesOptions<O>) =>
  options as AttachmentRoutesOptions<unknown>;
