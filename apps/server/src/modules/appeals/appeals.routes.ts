import {
  APPEAL_ACTIONS,
  AppealCategory,
  AppealDetail,
  AppealExportQuery,
  AppealFigures,
  AppealFiguresQuery,
  AppealListQuery,
  AppealStepBodies,
  AppealSummary,
  AssignableDepartment,
  CreateAppealBody,
  CreateMeetingBody,
  HolidayCalendar,
  HolidayCalendarQuery,
  IdParams,
  LedgerImportQuery,
  LedgerImportReport,
  LedgerMapping,
  LedgerMappingBody,
  MeetingDetail,
  MeetingIssueBody,
  MeetingListQuery,
  MeetingSummary,
  type Permission,
  PutHolidayYearBody,
  pageOf,
  SlaRule,
  UpdateSlaRuleBody,
  YearParams,
} from '@yingshang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ledgerTemplate } from '../../kernel/ledger-import.js';
import { readUpload } from '../../kernel/upload.js';
import { sendXlsx, XLSX_MIME } from '../../kernel/xlsx.js';
import { actorOf } from '../../plugins/auth.js';
import { createAppealExcel } from './appeals.excel.js';
import type { AppealService } from './appeals.service.js';
import type { AppealAdminService } from './appeals-admin.service.js';
import { APPEAL_LEDGER, APPEAL_TEMPLATE_RULES } from './appeals-import.js';
import type { MeetingService } from './meetings.service.js';

/** The permission each lifecycle step needs (the service then checks the part the user plays). */
const STEP_PERMISSION: Record<(typeof APPEAL_ACTIONS)[number], Permission> = {
  accept: 'appeals.manage',
  reject: 'appeals.manage',
  assign: 'appeals.manage',
  callback: 'appeals.manage',
  merge: 'appeals.manage',
  sign: 'appeals.handle',
  return: 'appeals.handle',
  progress: 'appeals.handle',
  ask: 'appeals.handle',
  answer: 'appeals.handle',
  reply: 'appeals.file',
  rate: 'appeals.file',
  instruct: 'appeals.instruct',
};

const STEP_SUMMARY: Record<(typeof APPEAL_ACTIONS)[number], string> = {
  accept: '受理 (accept)',
  reject: '不予受理 (reject, with a reason)',
  assign: '派单 / 改派 (assign or reassign to a functional department)',
  sign: '签收 (the department signs for it)',
  return: '退回 (the department returns a wrong assignment, once, with a reason)',
  progress: '办理进展 (a progress note)',
  ask: '询问企业 (a question to the enterprise)',
  reply: '企业答复询问 (the enterprise answers a question)',
  answer: '答复 (the department answers)',
  rate: '评价 (the enterprise rates the answer; 不满意 reopens it)',
  callback: '回访 (staff record the enterprise’s rating by callback)',
  instruct: '批示 (a leader’s instruction on a supervised appeal)',
  merge: '合并 (merge a repeat into an open appeal of the same enterprise)',
};

export const appealRoutes: FastifyPluginAsyncZod<{
  appeals: AppealService;
  meetings: MeetingService;
  admin: AppealAdminService;
}> = async (app, { appeals, meetings, admin }) => {
  const tags = ['appeals'];
  const read = { permission: 'appeals.read' as const };
  const excel = createAppealExcel({ appeals });

  app.get(
    '/appeals/export.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: '企业诉求台账 (.xlsx) of the filtered appeals the caller may see',
        querystring: AppealExportQuery,
        produces: [XLSX_MIME],
      },
    },
    async (req, reply) => sendXlsx(reply, await excel.exportAppeals(actorOf(req), req.query), 'appeals.xlsx'),
  );
  const manage = { permission: 'appeals.manage' as const };
  app.get(
    '/appeals/import-template.xlsx',
    {
      config: manage,
      schema: {
        tags,
        summary: 'The 诉求台账 import layout (.xlsx), its rules under the header',
        produces: [XLSX_MIME],
      },
    },
    async (_req, reply) =>
      sendXlsx(
        reply,
        await ledgerTemplate(APPEAL_LEDGER, '企业诉求台账', APPEAL_TEMPLATE_RULES),
        'appeals-template.xlsx',
      ),
  );
  app.post(
    '/appeals/import',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Check (mode=check) or import an office’s open appeal register, .xlsx or .csv (UTF-8 or GBK; multipart field `file`): every row or none (commit), or the valid rows (commit-valid); rows already imported are skipped',
        consumes: ['multipart/form-data'],
        querystring: LedgerImportQuery,
        response: { 200: LedgerImportReport, 201: LedgerImportReport },
      },
    },
    async (req, reply) => {
      const report = await appeals.ledger.importLedger(actorOf(req), await readUpload(req), req.query);
      return reply.status(req.query.mode === 'check' ? 200 : 201).send(report);
    },
  );
  app.get(
    '/appeals/import/mapping',
    {
      config: manage,
      schema: {
        tags,
        summary: 'The caller’s unit’s saved column mapping of the register',
        response: { 200: LedgerMapping },
      },
    },
    async (req) => appeals.ledger.mapping.get(actorOf(req)),
  );
  app.put(
    '/appeals/import/mapping',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Save the columns the clerk corrected, for the unit’s next registers (audited)',
        body: LedgerMappingBody,
        response: { 200: LedgerMapping },
      },
    },
    async (req) => appeals.ledger.mapping.save(actorOf(req), req.body),
  );
  app.get(
    '/appeals',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Filtered page of the appeals the caller may see (office area, department, or own enterprise)',
        querystring: AppealListQuery,
        response: { 200: pageOf(AppealSummary) },
      },
    },
    async (req) => appeals.list(actorOf(req), req.query),
  );
  app.get(
    '/appeals/figures',
    {
      config: read,
      schema: {
        tags,
        summary:
          '受理率, 按时办结率, 满意率, 重办率, median working days, overdue now, departments, categories',
        querystring: AppealFiguresQuery,
        response: { 200: AppealFigures },
      },
    },
    async (req) => admin.figures(actorOf(req), req.query),
  );
  app.get(
    '/appeals/categories',
    { config: read, schema: { tags, response: { 200: z.array(AppealCategory) } } },
    async () => appeals.categories(),
  );
  app.get(
    '/appeals/offices',
    {
      config: { permission: 'appeals.file' },
      schema: {
        tags,
        summary: 'Offices the caller may file an appeal with (an enterprise: its city’s counties and zones)',
        response: {
          200: z.array(
            z.object({ id: z.string(), name: z.string(), kind: z.enum(['city', 'county', 'zone']) }),
          ),
        },
      },
    },
    async (req) => appeals.offices(actorOf(req)),
  );
  app.get(
    '/appeals/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: AppealDetail } } },
    async (req) => appeals.get(actorOf(req), req.params.id),
  );
  app.get(
    '/appeals/:id/departments',
    {
      config: { permission: 'appeals.manage' },
      schema: {
        tags,
        summary: 'Functional departments this appeal may be assigned to',
        params: IdParams,
        response: { 200: z.array(AssignableDepartment) },
      },
    },
    async (req) => appeals.departments(actorOf(req), req.params.id),
  );
  app.post(
    '/appeals',
    {
      config: { permission: 'appeals.file' },
      schema: {
        tags,
        summary: 'File an appeal (an enterprise for itself, or staff on its behalf)',
        body: CreateAppealBody,
        response: { 201: AppealDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await appeals.create(actorOf(req), req.body)),
  );
  for (const action of APPEAL_ACTIONS) {
    app.post(
      `/appeals/:id/${action}`,
      {
        config: { permission: STEP_PERMISSION[action] },
        schema: {
          tags,
          summary: STEP_SUMMARY[action],
          params: IdParams,
          body: AppealStepBodies[action],
          response: { 200: AppealDetail },
        },
      },
      // biome-ignore lint/suspicious/noExplicitAny: the body matches this action's schema
      async (req) => appeals.step(actorOf(req), req.params.id, action, req.body as any),
    );
  }

  app.get(
    '/appeal-calendar',
    {
      config: read,
      schema: {
        tags,
        summary: 'Holiday schedules (package and administrators’) from a year on, and the years without one',
        querystring: HolidayCalendarQuery,
        response: { 200: HolidayCalendar },
      },
    },
    async (req) => admin.calendar(req.query.from),
  );
  app.put(
    '/appeal-calendar/:year',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags,
        summary: 'Enter or correct one year’s schedule (State Council notice)',
        params: YearParams,
        body: PutHolidayYearBody,
        response: { 200: HolidayCalendar },
      },
    },
    async (req) => admin.putYear(actorOf(req), req.params.year, req.body),
  );
  app.get(
    '/appeal-sla-rules',
    { config: read, schema: { tags, response: { 200: z.array(SlaRule) } } },
    async () => admin.slaRules(),
  );
  app.patch(
    '/appeal-sla-rules/:id',
    {
      config: { permission: 'appeals.configure' },
      schema: { tags, params: IdParams, body: UpdateSlaRuleBody, response: { 200: z.array(SlaRule) } },
    },
    async (req) => admin.updateSlaRule(actorOf(req), req.params.id, req.body),
  );

  const mtags = ['appeal meetings'];
  app.get(
    '/appeal-meetings',
    {
      config: read,
      schema: { tags: mtags, querystring: MeetingListQuery, response: { 200: pageOf(MeetingSummary) } },
    },
    async (req) => meetings.list(actorOf(req), req.query),
  );
  app.get(
    '/appeal-meetings/:id',
    { config: read, schema: { tags: mtags, params: IdParams, response: { 200: MeetingDetail } } },
    async (req) => meetings.get(actorOf(req), req.params.id),
  );
  app.post(
    '/appeal-meetings',
    {
      config: { permission: 'appeals.manage' },
      schema: { tags: mtags, body: CreateMeetingBody, response: { 201: MeetingDetail } },
    },
    async (req, reply) => reply.status(201).send(await meetings.create(actorOf(req), req.body)),
  );
  app.post(
    '/appeal-meetings/:id/issues',
    {
      config: { permission: 'appeals.manage' },
      schema: {
        tags: mtags,
        summary: 'An issue raised at the meeting: becomes an appeal linked to it',
        params: IdParams,
        body: MeetingIssueBody,
        response: { 201: MeetingDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await meetings.raise(actorOf(req), req.params.id, req.body)),
  );
};
