import {
  CreateUserBody,
  IdParams,
  pageOf,
  ResetPasswordResult,
  UpdateUserBody,
  User,
  UserListQuery,
} from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.js';
import type { UserService } from './users.service.js';

export const userRoutes: FastifyPluginAsyncZod<{ users: UserService }> = async (app, { users }) => {
  const tags = ['users'];
  app.get(
    '/users',
    {
      config: { permission: 'users.read' },
      schema: { tags, querystring: UserListQuery, response: { 200: pageOf(User) } },
    },
    async (req) => users.list(actorOf(req), req.query),
  );
  app.get(
    '/users/:id',
    { config: { permission: 'users.read' }, schema: { tags, params: IdParams, response: { 200: User } } },
    async (req) => users.get(actorOf(req), req.params.id),
  );
  app.post(
    '/users',
    {
      config: { permission: 'users.manage' },
      schema: { tags, body: CreateUserBody, response: { 201: User } },
    },
    async (req, reply) => reply.status(201).send(await users.create(actorOf(req), req.body)),
  );
  app.patch(
    '/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: User } },
    },
    async (req) => users.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/users/:id/reset-password',
    {
      config: { permission: 'users.manage' },
      schema: { tags, params: IdParams, response: { 200: ResetPasswordResult } },
    },
    async (req) => users.resetPassword(actorOf(req), req.params.id),
  );
};
