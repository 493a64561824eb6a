import { ChangePasswordBody, LocaleBody, LoginBody, Me, Ok } from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import { actorOf, SESSION_COOKIE } from '../../plugins/auth.js';
import type { AuthService } from './auth.service.js';

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService; config: Config }> = async (
  app,
  { auth, config },
) => {
  const tags = ['auth'];
  const cookie = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
    path: '/',
  };

  app.post(
    '/auth/login',
    {
      config: { permission: 'public', rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Sign in; sets the session cookie', body: LoginBody, response: { 200: Me } },
    },
    async (req, reply) => {
      const { token, me } = await auth.login(
        req.body,
        { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id },
        req.cookies[SESSION_COOKIE],
      );
      reply.setCookie(SESSION_COOKIE, token, { ...cookie, maxAge: config.sessionTtlHours * 3600 });
      return me;
    },
  );

  app.post(
    '/auth/logout',
    { config: { permission: 'authenticated' }, schema: { tags, response: { 200: Ok } } },
    async (req, reply) => {
      await auth.logout(actorOf(req));
      reply.clearCookie(SESSION_COOKIE, cookie);
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    { config: { permission: 'authenticated' }, schema: { tags, response: { 200: Me } } },
    async (req) => auth.me(actorOf(req)),
  );

  app.post(
    '/auth/change-password',
    {
      config: { permission: 'authenticated' },
      schema: { tags, body: ChangePasswordBody, response: { 200: Ok } },
    },
    async (req) => {
      await auth.changePassword(actorOf(req), req.body);
      return { ok: true as const };
    },
  );

  app.patch(
    '/auth/locale',
    { config: { permission: 'authenticated' }, schema: { tags, body: LocaleBody, response: { 200: Ok } } },
    async (req) => {
      await auth.setLocale(actorOf(req), req.body.locale);
      return { ok: true as const };
    },
  );
};
