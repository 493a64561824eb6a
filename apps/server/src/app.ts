import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { RouteGuard } from '@yingshang/contracts';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import pino from 'pino';
import secureJson from 'secure-json-parse';
import type { Config } from './config.js';
import type { DbHandle } from './db/database.js';
import { attachmentRoutes, attachmentRoutesFor } from './kernel/attachment-routes.js';
import { createPasswordHasher } from './kernel/password.js';
import { AppError } from './lib/app-error.js';
import { newId } from './lib/ids.js';
import { activityRoutes } from './modules/activities/activities.routes.js';
import { createActivityService } from './modules/activities/activities.service.js';
import { appealRoutes } from './modules/appeals/appeals.routes.js';
import { createAppealService } from './modules/appeals/appeals.service.js';
import { createAppealAdminService } from './modules/appeals/appeals-admin.service.js';
import { createMeetingService } from './modules/appeals/meetings.service.js';
import { createAttachmentService } from './modules/attachments/attachments.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { createDashboardService } from './modules/dashboard/dashboard.service.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { incentiveRoutes } from './modules/incentives/incentives.routes.js';
import { createIncentiveService } from './modules/incentives/incentives.service.js';
import { incentiveLedgerRoutes } from './modules/incentives/incentives-ledger.routes.js';
import { createIncentiveLedgerService } from './modules/incentives/incentives-ledger.service.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { orgRoutes } from './modules/orgs/orgs.routes.js';
import { createOrgService } from './modules/orgs/orgs.service.js';
import { userRoutes } from './modules/orgs/users.routes.js';
import { createUserService } from './modules/orgs/users.service.js';
import { createInvestorService } from './modules/projects/investors.service.js';
import { createProjectExcelService } from './modules/projects/projects.excel.js';
import { projectRoutes } from './modules/projects/projects.routes.js';
import { createProjectService } from './modules/projects/projects.service.js';
import { projectExcelRoutes } from './modules/projects/projects-excel.routes.js';
import { createProjectImportService } from './modules/projects/projects-import.service.js';
import { arrearRoutes } from './modules/rectification/arrears.routes.js';
import { createArrearService } from './modules/rectification/arrears.service.js';
import { rectificationRoutes } from './modules/rectification/rectification.routes.js';
import { createRectificationService } from './modules/rectification/rectification.service.js';
import { rectificationExcelRoutes } from './modules/rectification/rectification-excel.routes.js';
import { authPlugin } from './plugins/auth.js';
import { compressionPlugin } from './plugins/compression.js';
import { errorsPlugin, sendError } from './plugins/errors.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { serializerCompiler } from './plugins/serializer.js';
import { webPlugin } from './plugins/web.js';
import { ports } from './ports.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Each registered route with the permission it declares (the guard test walks these). */
    routeGuards(): { method: string; url: string; permission: RouteGuard | undefined }[];
  }
}

export interface AppDeps {
  config: Config;
  database: DbHandle;
  /** false in tests that don't care about logs. */
  logger?: boolean;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The composition root: plugins, services and module routes. No listen: tests inject. */
export async function buildApp({ config, database, logger = true }: AppDeps): Promise<FastifyInstance> {
  const { db, dialect } = database;
  const app = Fastify({
    // Written asynchronously (flushed at exit), one line per request (the onResponse hook below).
    loggerInstance: logger
      ? (pino(
          {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
          },
          pino.destination({ sync: false }),
        ) as FastifyBaseLogger)
      : undefined,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    requestIdHeader: 'x-request-id',
    genReqId: () => newId(),
    return503OnClosing: true,
    // A malformed URL or an over-long path id fails in the router, before the error handler:
    // answer it in the API's error shape too (found by security/fuzz.api.test.ts).
    frameworkErrors: (err, req, reply) =>
      sendError(req, reply, 'VALIDATION_FAILED', [
        { in: 'url', path: '', message: err.message.slice(0, 200) },
      ]),
  });
  // Every route, as registered (its config is read later: child contexts may still set it).
  const routes: { method: string | string[]; url: string; config?: unknown }[] = [];
  app.addHook('onRoute', (route) => void routes.push(route));
  app.decorate('routeGuards', () =>
    routes.flatMap((r) =>
      [r.method].flat().map((method) => ({
        method,
        url: r.url,
        permission: (r.config as { permission?: RouteGuard } | undefined)?.permission,
      })),
    ),
  );
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // JSON bodies must be valid UTF-8 and free of prototype-pollution keys.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    if (body.length === 0) return done(null, undefined);
    let text: string;
    try {
      text = fatalUtf8.decode(body);
    } catch {
      return done(new AppError('BAD_JSON'), undefined);
    }
    // PostgreSQL cannot store NUL in text; refuse it on both databases alike.
    if (/\\u0000/i.test(text))
      return done(new AppError('VALIDATION_FAILED', [{ path: '', message: 'NUL character' }]));
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(new AppError('BAD_JSON'), undefined);
    }
  });
  app.addHook('onRequest', async (req) => {
    if (/%00/.test(req.url))
      throw new AppError('VALIDATION_FAILED', [{ in: 'url', path: '', message: 'NUL character' }]);
  });
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info(
      {
        req: { method: req.method, url: req.url, user: req.actor?.username },
        res: { statusCode: reply.statusCode },
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
    done();
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Only behind HTTPS: on plain HTTP (a LAN address) it would break every asset.
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
  });
  // API answers over 1 KB compressed as the client accepts (brotli at a quality cheap enough per
  // request); the web app's files are compressed once at build and served as they are.
  await app.register(compressionPlugin, { threshold: 1024 });
  await app.register(fastifyCookie);
  // Uploads (attachments, Excel imports): one file per request, 20 MB at most.
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '营商通 API',
        version: '1',
        description: 'Investment promotion and business-environment platform',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ys_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), permission: 'public' };
    });
    await docs.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });
  await app.register(authPlugin, { db, config });

  const hasher = createPasswordHasher(config.passwordHashing);
  const auth = createAuthService({ db, ports, config, hasher });
  const orgs = createOrgService({ db, dialect });
  const users = createUserService({ db, ports, dialect, hasher });
  const projects = createProjectService({ db, ports, dialect, config });
  const investors = createInvestorService({ db, dialect });
  const excel = createProjectExcelService({ db, ports, dialect, projects });
  const imports = createProjectImportService({ db, dialect, config, log: app.log });
  const attachments = createAttachmentService({ db, dataDir: config.dataDir });
  const appeals = createAppealService({ db, ports, dialect, backdateLimits: config.backdateLimits });
  const meetings = createMeetingService({ db, ports, dialect, appeals });
  const appealAdmin = createAppealAdminService({ db, ports, dialect });
  const activities = createActivityService({ db, ports, dialect });
  const rectification = createRectificationService({ db, ports, dialect });
  const arrears = createArrearService({ db, ports, dialect });
  const incentives = createIncentiveService({ db, ports, dialect });

  await app.register(healthRoutes, { prefix: '/api', db, dialect });
  await app.register(
    async (v1) => {
      await v1.register(authRoutes, { auth, config });
      await v1.register(orgRoutes, { orgs });
      await v1.register(userRoutes, { users });
      await v1.register(auditRoutes, { db, dialect });
      await v1.register(notificationRoutes, { db });
      await v1.register(projectRoutes, { projects, investors });
      await v1.register(dashboardRoutes, { dashboard: createDashboardService({ db, config, ports }) });
      await v1.register(projectExcelRoutes, { excel, imports });
      await v1.register(appealRoutes, { appeals, meetings, admin: appealAdmin });
      await v1.register(activityRoutes, { activities });
      await v1.register(rectificationRoutes, { rectification });
      await v1.register(rectificationExcelRoutes, { db, dialect, rectification });
      await v1.register(arrearRoutes, { arrears });
      await v1.register(incentiveRoutes, { incentives });
      await v1.register(incentiveLedgerRoutes, {
        ledger: createIncentiveLedgerService({ db, ports, dialect }),
      });
      // Each record kind's files, through that kind's own owner check (scope, and whether it may
      // change now). Appeal and task evidence is never deleted; any reader of an appeal may upload
      // while its owner check lets them (an open appeal, a handling party).
      for (const files of [
        attachmentRoutesFor({
          base: '/projects/:id',
          tags: ['projects'],
          permission: { read: 'projects.read', write: 'projects.write' },
          owner: (actor, id, write) => projects.attachmentOwner(actor, id, write),
          store: attachments,
        }),
        attachmentRoutesFor({
          base: '/activities/:id',
          tags: ['activities'],
          permission: { read: 'activities.read', write: 'activities.write' },
          owner: (actor, id, write) => activities.attachmentOwner(actor, id, write),
          store: attachments,
        }),
        attachmentRoutesFor({
          base: '/appeals/:id',
          tags: ['appeals'],
          permission: { read: 'appeals.read', write: 'appeals.read' },
          owner: (actor, id, write) => appeals.attachmentOwner(actor, id, write),
          store: attachments,
          uploadSummary:
            'Attach a file to an open appeal (multipart field "file"; pdf, images, Office; ≤ 20 MB)',
          deletable: false,
        }),
        attachmentRoutesFor({
          base: '/rectification/tasks/:id',
          tags: ['rectification'],
          permission: { read: 'rectification.read', write: 'rectification.report' },
          owner: (actor, id, write) => rectification.attachmentOwner(actor, id, write),
          store: attachments,
          uploadSummary: 'Upload evidence (multipart field "file"; pdf, images, Office; ≤ 20 MB)',
          deletable: false,
        }),
      ])
        await v1.register(attachmentRoutes, files);
    },
    { prefix: '/api/v1' },
  );
  await app.register(webPlugin, { dist: config.webDist });
  return app;
}
