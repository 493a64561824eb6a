import {
  CreateOrgBody,
  IdParams,
  ORG_KINDS,
  type OrgKind,
  OrgListQuery,
  OrgTreeNode,
  OrgTreeQuery,
  OrgUnit,
  pageOf,
  REGION_KINDS,
  UpdateOrgBody,
} from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../lib/app-error.js';
import { actorOf } from '../../plugins/auth.js';
import type { OrgService } from './orgs.service.js';

const TREE_DEFAULT: OrgKind[] = [...REGION_KINDS];

function parseKinds(s: string | undefined): OrgKind[] {
  if (!s) return TREE_DEFAULT;
  const kinds = s.split(',').map((k) => k.trim());
  if (!kinds.every((k): k is OrgKind => (ORG_KINDS as readonly string[]).includes(k))) {
    fail('VALIDATION_FAILED', [
      { in: 'querystring', path: 'kinds', message: `one of ${ORG_KINDS.join(', ')}` },
    ]);
  }
  return kinds;
}

export const orgRoutes: FastifyPluginAsyncZod<{ orgs: OrgService }> = async (app, { orgs }) => {
  const tags = ['orgs'];
  app.get(
    '/org-units/tree',
    {
      config: { permission: 'orgs.read' },
      schema: {
        tags,
        summary: 'Region tree visible to the caller',
        querystring: OrgTreeQuery,
        response: { 200: z.array(OrgTreeNode) },
      },
    },
    async (req) => orgs.tree(actorOf(req), parseKinds(req.query.kinds)),
  );
  app.get(
    '/org-units',
    {
      config: { permission: 'orgs.read' },
      schema: {
        tags,
        summary: 'Search units by name, code or pinyin',
        querystring: OrgListQuery,
        response: { 200: pageOf(OrgUnit) },
      },
    },
    async (req) => orgs.list(actorOf(req), req.query),
  );
  app.get(
    '/org-units/:id',
    { config: { permission: 'orgs.read' }, schema: { tags, params: IdParams, response: { 200: OrgUnit } } },
    async (req) => orgs.get(actorOf(req), req.params.id),
  );
  app.post(
    '/org-units',
    {
      config: { permission: 'orgs.manage' },
      schema: {
        tags,
        summary: 'Add a zone, department or enterprise',
        body: CreateOrgBody,
        response: { 201: OrgUnit },
      },
    },
    async (req, reply) => reply.status(201).send(await orgs.create(actorOf(req), req.body)),
  );
  app.patch(
    '/org-units/:id',
    {
      config: { permission: 'orgs.manage' },
      schema: { tags, params: IdParams, body: UpdateOrgBody, response: { 200: OrgUnit } },
    },
    async (req) => orgs.update(actorOf(req), req.params.id, req.body),
  );
};
