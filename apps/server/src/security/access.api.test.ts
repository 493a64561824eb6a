import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  describeApi,
  multipart,
  type TestApp,
  tableCounts,
  unitId,
  userId,
} from '../../test/harness.js';
import { notify } from '../modules/notifications/notifications.repository.js';
import { insertImportJob } from '../modules/projects/projects-ledger.repository.js';

/**
 * Every route declares its permission, and no role reads or writes outside its area.
 * A new route fails this file until it declares a guard and gets a row in ACCESS below.
 */

interface Foreign {
  unit: string;
  attachment: string;
  project: string;
  need: string;
  promise: string;
  enterprise: string;
  user: string;
  notification: string;
  /** An import job started by that side's user: jobs are visible to their uploader only. */
  importJob: string;
  activity: string;
  activityAttachment: string;
  official: string;
  /** An appeal filed there and assigned to that city's natural-resources bureau; a meeting there. */
  appeal: string;
  appealAttachment: string;
  meeting: string;
  /** A campaign issued by that city, a task in its county with the city as lead unit, its evidence, an arrears record. */
  campaign: string;
  rectTask: string;
  rectAttachment: string;
  arrear: string;
  /** An incentive application of that side's enterprise, received by that side's county. */
  incentive: string;
  /** Strings that must never appear in what the actor can list. */
  markers: string[];
}

type Probe = (f: Foreign) => { url: string; body?: unknown };

/** For each route: how to aim it at someone else's record. 'self' routes act only on the caller. */
const ACCESS: Record<string, Probe | 'self' | 'public'> = {
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/auth/me': 'self',
  'POST /api/v1/auth/logout': 'self',
  'POST /api/v1/auth/change-password': 'self',
  'PATCH /api/v1/auth/locale': 'self',
  'GET /api/v1/org-units/tree': () => ({
    url: '/api/v1/org-units/tree?kinds=province,city,county,zone,department,enterprise',
  }),
  'GET /api/v1/org-units': () => ({ url: '/api/v1/org-units?pageSize=200' }),
  'GET /api/v1/org-units/:id': (f) => ({ url: `/api/v1/org-units/${f.unit}` }),
  'POST /api/v1/org-units': (f) => ({
    url: '/api/v1/org-units',
    body: { code: 'X-INTRUDER', name: '越权园区', kind: 'zone', parentId: f.unit },
  }),
  'PATCH /api/v1/org-units/:id': (f) => ({
    url: `/api/v1/org-units/${f.enterprise}`,
    body: { version: 1, name: '越权改名' },
  }),
  'GET /api/v1/users': () => ({ url: '/api/v1/users?pageSize=200' }),
  'GET /api/v1/users/:id': (f) => ({ url: `/api/v1/users/${f.user}` }),
  'POST /api/v1/users': (f) => ({
    url: '/api/v1/users',
    body: {
      username: 'intruder',
      displayName: '越权',
      orgUnitId: f.unit,
      roles: ['county_staff'],
      password: 'Intrude2026x',
    },
  }),
  'PATCH /api/v1/users/:id': (f) => ({
    url: `/api/v1/users/${f.user}`,
    body: { version: 1, disabled: true },
  }),
  'POST /api/v1/users/:id/reset-password': (f) => ({ url: `/api/v1/users/${f.user}/reset-password` }),
  'GET /api/v1/audit': () => ({ url: '/api/v1/audit?pageSize=200' }),
  'GET /api/v1/notifications': () => ({ url: '/api/v1/notifications?pageSize=200' }),
  'GET /api/v1/projects': () => ({ url: '/api/v1/projects?pageSize=200' }),
  'GET /api/v1/projects/figures': (f) => ({
    url: `/api/v1/projects/figures?regionId=${f.unit}&from=2020-01-01&to=2030-12-31`,
  }),
  'GET /api/v1/dashboard': (f) => ({ url: `/api/v1/dashboard?regionId=${f.unit}&from=2020-01&to=2030-12` }),
  'GET /api/v1/dashboard/monthly': (f) => ({
    url: `/api/v1/dashboard/monthly?regionId=${f.unit}&month=2026-05`,
  }),
  'GET /api/v1/dashboard/monthly.xlsx': (f) => ({
    url: `/api/v1/dashboard/monthly.xlsx?regionId=${f.unit}&month=2026-05`,
  }),
  'PUT /api/v1/dashboard/targets': (f) => ({
    url: '/api/v1/dashboard/targets',
    body: {
      year: 2026,
      targets: [{ regionId: f.unit, signedCount: 9, signedInvestmentFen: 9, fundsFen: 9 }],
    },
  }),
  'GET /api/v1/dashboard/export.xlsx': (f) => ({
    url: `/api/v1/dashboard/export.xlsx?regionId=${f.unit}&from=2020-01&to=2030-12`,
  }),
  'GET /api/v1/projects/:id': (f) => ({ url: `/api/v1/projects/${f.project}` }),
  'GET /api/v1/projects/promises/overdue': (f) => ({
    url: `/api/v1/projects/promises/overdue?regionId=${f.unit}`,
  }),
  'POST /api/v1/projects': (f) => ({
    url: '/api/v1/projects',
    body: {
      name: '越权项目',
      regionId: f.unit,
      industryCode: '39',
      totalInvestmentFen: 1,
      projectType: 'new',
      investorIds: ['x'],
    },
  }),
  'PATCH /api/v1/projects/:id': (f) => ({
    url: `/api/v1/projects/${f.project}`,
    body: { version: 1, name: '越权改名' },
  }),
  'POST /api/v1/projects/:id/stage': (f) => ({
    url: `/api/v1/projects/${f.project}/stage`,
    body: { version: 1, action: 'advance', to: 'negotiating', date: '2026-01-05' },
  }),
  'POST /api/v1/projects/:id/factor-needs': (f) => ({
    url: `/api/v1/projects/${f.project}/factor-needs`,
    body: { kind: 'land', responsibleOrgId: f.unit },
  }),
  'PATCH /api/v1/projects/:id/factor-needs/:itemId': (f) => ({
    url: `/api/v1/projects/${f.project}/factor-needs/${f.need}`,
    body: { version: 1, status: 'met' },
  }),
  'POST /api/v1/projects/:id/promises': (f) => ({
    url: `/api/v1/projects/${f.project}/promises`,
    body: { content: '越权承诺', dueOn: '2026-01-05', responsibleOrgId: f.unit },
  }),
  'PATCH /api/v1/projects/:id/promises/:itemId': (f) => ({
    url: `/api/v1/projects/${f.project}/promises/${f.promise}`,
    body: { version: 1, status: 'fulfilled' },
  }),
  'POST /api/v1/projects/:id/funds': (f) => ({
    url: `/api/v1/projects/${f.project}/funds`,
    body: { receivedOn: '2026-01-05', currency: 'CNY', amount: 100 },
  }),
  'GET /api/v1/projects/:id/attachments': (f) => ({ url: `/api/v1/projects/${f.project}/attachments` }),
  'POST /api/v1/projects/:id/attachments': (f) => ({
    url: `/api/v1/projects/${f.project}/attachments`,
    body: {},
  }),
  'GET /api/v1/projects/:id/attachments/:itemId': (f) => ({
    url: `/api/v1/projects/${f.project}/attachments/${f.attachment}`,
  }),
  'DELETE /api/v1/projects/:id/attachments/:itemId': (f) => ({
    url: `/api/v1/projects/${f.project}/attachments/${f.attachment}`,
  }),
  'GET /api/v1/projects/export.xlsx': (f) => ({ url: `/api/v1/projects/export.xlsx?regionId=${f.unit}` }),
  // An upload writes only inside the caller's area: rows elsewhere are refused one by one
  // (projects-excel.api.test.ts); the job it starts belongs to the caller.
  'POST /api/v1/projects/import': 'self',
  // the caller's own unit's mapping: there is no other unit's to aim at
  'GET /api/v1/projects/import/mapping': 'self',
  'PUT /api/v1/projects/import/mapping': 'self',
  'GET /api/v1/projects/import/:id': (f) => ({ url: `/api/v1/projects/import/${f.importJob}` }),
  'POST /api/v1/projects/import/:id/cancel': (f) => ({
    url: `/api/v1/projects/import/${f.importJob}/cancel`,
  }),
  // Investors are shared across the province (see investors.service.ts); the industry list is public data.
  'GET /api/v1/investors': 'self',
  'GET /api/v1/investors/matches': 'self',
  'POST /api/v1/investors': 'self',
  'GET /api/v1/industries': 'self',
  'GET /api/v1/activities': () => ({ url: '/api/v1/activities?pageSize=200' }),
  'GET /api/v1/activities/figures': (f) => ({
    url: `/api/v1/activities/figures?regionId=${f.unit}&from=2000-01-01&to=2030-12-31`,
  }),
  'GET /api/v1/activities/leaders': (f) => ({
    url: `/api/v1/activities/leaders?regionId=${f.unit}&from=2000-01-01&to=2030-12-31`,
  }),
  'GET /api/v1/activities/:id': (f) => ({ url: `/api/v1/activities/${f.activity}` }),
  'POST /api/v1/activities': (f) => ({
    url: '/api/v1/activities',
    body: {
      type: 'outbound',
      title: '越权活动',
      startOn: '2026-01-05',
      endOn: '2026-01-06',
      organiserId: f.unit,
      officialIds: [f.official],
      sourceProjectIds: [f.project],
    },
  }),
  'PATCH /api/v1/activities/:id': (f) => ({
    url: `/api/v1/activities/${f.activity}`,
    body: { version: 1, title: '越权改名' },
  }),
  'DELETE /api/v1/activities/:id': (f) => ({ url: `/api/v1/activities/${f.activity}?version=1` }),
  'GET /api/v1/activities/:id/attachments': (f) => ({ url: `/api/v1/activities/${f.activity}/attachments` }),
  'POST /api/v1/activities/:id/attachments': (f) => ({
    url: `/api/v1/activities/${f.activity}/attachments`,
    body: {},
  }),
  'GET /api/v1/activities/:id/attachments/:itemId': (f) => ({
    url: `/api/v1/activities/${f.activity}/attachments/${f.activityAttachment}`,
  }),
  'DELETE /api/v1/activities/:id/attachments/:itemId': (f) => ({
    url: `/api/v1/activities/${f.activity}/attachments/${f.activityAttachment}`,
  }),
  'GET /api/v1/officials': () => ({ url: '/api/v1/officials?pageSize=200' }),
  'GET /api/v1/officials/:id': (f) => ({ url: `/api/v1/officials/${f.official}` }),
  'POST /api/v1/officials': (f) => ({
    url: '/api/v1/officials',
    body: { name: '越权领导', post: '县长', orgUnitId: f.unit, main: true },
  }),
  'PATCH /api/v1/officials/:id': (f) => ({
    url: `/api/v1/officials/${f.official}`,
    body: { version: 1, post: '越权改职务' },
  }),
  'GET /api/v1/appeals': () => ({ url: '/api/v1/appeals?pageSize=200' }),
  'GET /api/v1/appeals/export.xlsx': (f) => ({ url: `/api/v1/appeals/export.xlsx?regionId=${f.unit}` }),
  // 诉求台账导入: rows land only in the caller's area, one row per check (appeals-import.api.test.ts);
  // the mapping and the template are the caller's unit's own
  'GET /api/v1/appeals/import-template.xlsx': 'self',
  'POST /api/v1/appeals/import': 'self',
  'GET /api/v1/appeals/import/mapping': 'self',
  'PUT /api/v1/appeals/import/mapping': 'self',
  'GET /api/v1/appeals/figures': (f) => ({
    url: `/api/v1/appeals/figures?regionId=${f.unit}&from=2000-01-01&to=2030-12-31`,
  }),
  // Reference data shared by the whole province: categories, deadlines, the national holiday schedule.
  'GET /api/v1/appeals/categories': 'self',
  // The offices one may file with: an enterprise's own city, staff's own area (appeals.api.test.ts).
  'GET /api/v1/appeals/offices': 'self',
  'GET /api/v1/appeal-sla-rules': 'self',
  'GET /api/v1/appeal-calendar': 'self',
  'GET /api/v1/appeals/:id': (f) => ({ url: `/api/v1/appeals/${f.appeal}` }),
  'GET /api/v1/appeals/:id/departments': (f) => ({ url: `/api/v1/appeals/${f.appeal}/departments` }),
  'GET /api/v1/appeals/:id/attachments': (f) => ({ url: `/api/v1/appeals/${f.appeal}/attachments` }),
  'POST /api/v1/appeals/:id/attachments': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/attachments`,
    body: {},
  }),
  'GET /api/v1/appeals/:id/attachments/:itemId': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/attachments/${f.appealAttachment}`,
  }),
  'POST /api/v1/appeals': (f) => ({
    url: '/api/v1/appeals',
    body: {
      channel: 'portal',
      category: 'land',
      title: '越权诉求',
      description: '越权',
      enterpriseId: f.enterprise,
      regionId: f.unit,
    },
  }),
  'POST /api/v1/appeals/:id/accept': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/accept`,
    body: { version: 2 },
  }),
  'POST /api/v1/appeals/:id/reject': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/reject`,
    body: { version: 2, reason: '越权' },
  }),
  'POST /api/v1/appeals/:id/assign': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/assign`,
    body: { version: 2, departmentId: f.unit },
  }),
  'POST /api/v1/appeals/:id/sign': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/sign`,
    body: { version: 3 },
  }),
  'POST /api/v1/appeals/:id/return': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/return`,
    body: { version: 3, reason: '越权' },
  }),
  'POST /api/v1/appeals/:id/progress': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/progress`,
    body: { version: 3, note: '越权' },
  }),
  'POST /api/v1/appeals/:id/ask': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/ask`,
    body: { version: 3, question: '越权' },
  }),
  'POST /api/v1/appeals/:id/reply': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/reply`,
    body: { version: 3, reply: '越权' },
  }),
  'POST /api/v1/appeals/:id/answer': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/answer`,
    body: { version: 3, answer: '越权' },
  }),
  'POST /api/v1/appeals/:id/rate': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/rate`,
    body: { version: 3, rating: 'satisfied' },
  }),
  'POST /api/v1/appeals/:id/callback': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/callback`,
    body: { version: 3, rating: 'satisfied', note: '越权' },
  }),
  'POST /api/v1/appeals/:id/instruct': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/instruct`,
    body: { version: 3, note: '越权' },
  }),
  'POST /api/v1/appeals/:id/merge': (f) => ({
    url: `/api/v1/appeals/${f.appeal}/merge`,
    body: { version: 3, targetId: f.appeal },
  }),
  'PUT /api/v1/appeal-calendar/:year': () => ({
    url: '/api/v1/appeal-calendar/2031',
    body: { holidays: ['2031-01-01'], workdays: [] },
  }),
  'PATCH /api/v1/appeal-sla-rules/:id': () => ({
    url: '/api/v1/appeal-sla-rules/default',
    body: { version: 1, acceptDays: 9, signDays: 9, answerDays: 99, escalateAfterDays: 9 },
  }),
  'GET /api/v1/appeal-meetings': () => ({ url: '/api/v1/appeal-meetings?pageSize=200' }),
  'GET /api/v1/appeal-meetings/:id': (f) => ({ url: `/api/v1/appeal-meetings/${f.meeting}` }),
  'POST /api/v1/appeal-meetings': (f) => ({
    url: '/api/v1/appeal-meetings',
    body: {
      series: 'tea',
      title: '越权下午茶',
      heldOn: '2026-01-05',
      regionId: f.unit,
      hostLeader: '越权',
      enterpriseIds: [f.enterprise],
    },
  }),
  'POST /api/v1/appeal-meetings/:id/issues': (f) => ({
    url: `/api/v1/appeal-meetings/${f.meeting}/issues`,
    body: { enterpriseId: f.enterprise, category: 'land', title: '越权', description: '越权' },
  }),
  'GET /api/v1/notifications/unread-count': 'self',
  'POST /api/v1/notifications/:id/read': (f) => ({ url: `/api/v1/notifications/${f.notification}/read` }),
  'POST /api/v1/notifications/read-all': 'self',
  'GET /api/v1/rectification/campaigns': () => ({ url: '/api/v1/rectification/campaigns' }),
  'POST /api/v1/rectification/campaigns': (f) => ({
    url: '/api/v1/rectification/campaigns',
    body: {
      title: '越权整改行动',
      issuingBody: '越权',
      startOn: '2026-01-01',
      deadlineOn: '2026-12-31',
      scopeOrgIds: [f.unit],
      problems: ['越权问题'],
    },
  }),
  'GET /api/v1/rectification/campaigns/:id': (f) => ({
    url: `/api/v1/rectification/campaigns/${f.campaign}`,
  }),
  'GET /api/v1/rectification/campaigns/:id/figures': (f) => ({
    url: `/api/v1/rectification/campaigns/${f.campaign}/figures`,
  }),
  'GET /api/v1/rectification/tasks': () => ({ url: '/api/v1/rectification/tasks?pageSize=200' }),
  'POST /api/v1/rectification/tasks': (f) => ({
    url: '/api/v1/rectification/tasks',
    body: {
      campaignId: f.campaign,
      problemId: 'x',
      issue: '越权任务',
      measures: '越权',
      leadOrgId: f.unit,
      zoneIds: [f.unit],
      deadlineOn: '2026-06-30',
    },
  }),
  'POST /api/v1/rectification/findings': (f) => ({
    url: '/api/v1/rectification/findings',
    body: {
      campaignId: f.campaign,
      problemId: 'x',
      issue: '越权发现',
      measures: '越权',
      leadOrgId: f.unit,
      zoneIds: [f.unit],
      deadlineOn: '2026-06-30',
      findings: '越权',
    },
  }),
  'POST /api/v1/rectification/promises/:id/task': (f) => ({
    url: `/api/v1/rectification/promises/${f.promise}/task`,
    body: { campaignId: f.campaign, deadlineOn: '2026-06-30' },
  }),
  'GET /api/v1/rectification/tasks/export.xlsx': (f) => ({
    url: `/api/v1/rectification/tasks/export.xlsx?campaignId=${f.campaign}`,
  }),
  'GET /api/v1/rectification/tasks/import-template.xlsx': (f) => ({
    url: `/api/v1/rectification/tasks/import-template.xlsx?campaignId=${f.campaign}`,
  }),
  'POST /api/v1/rectification/tasks/import': (f) => ({
    url: `/api/v1/rectification/tasks/import?campaignId=${f.campaign}`,
    body: {},
  }),
  'GET /api/v1/rectification/tasks/import/mapping': 'self',
  'PUT /api/v1/rectification/tasks/import/mapping': 'self',
  'GET /api/v1/rectification/tasks/:id': (f) => ({ url: `/api/v1/rectification/tasks/${f.rectTask}` }),
  'PATCH /api/v1/rectification/tasks/:id': (f) => ({
    url: `/api/v1/rectification/tasks/${f.rectTask}`,
    body: { version: 1, issue: '越权改写' },
  }),
  'POST /api/v1/rectification/tasks/:id/progress': (f) => ({
    url: `/api/v1/rectification/tasks/${f.rectTask}/progress`,
    body: { version: 1, percent: 50, narrative: '越权填报' },
  }),
  'POST /api/v1/rectification/tasks/:id/contributions': (f) => ({
    url: `/api/v1/rectification/tasks/${f.rectTask}/contributions`,
    body: { narrative: '越权配合' },
  }),
  'POST /api/v1/rectification/tasks/:id/self-inspections': (f) => ({
    url: `/api/v1/rectification/tasks/${f.rectTask}/self-inspections`,
    body: { version: 1, result: 'failed', findings: '越权自查' },
  }),
  'POST /api/v1/rectification/tasks/:id/field-surveys': (f) => ({
    url: `/api/v1/rectification/tasks/${f.rectTask}/field-surveys`,
    body: { version: 1, result: 'failed', findings: '越权核查' },
  }),
  'POST /api/v1/rectification/tasks/:id/close': (f) => ({
    url: `/api/v1/rectification/tasks/${f.rectTask}/close`,
    body: { version: 1 },
  }),
  'POST /api/v1/rectification/tasks/:id/reopen': (f) => ({
    url: `/api/v1/rectification/tasks/${f.rectTask}/reopen`,
    body: { version: 1, reason: '越权' },
  }),
  'GET /api/v1/rectification/tasks/:id/attachments': (f) => ({
    url: `/api/v1/rectification/tasks/${f.rectTask}/attachments`,
  }),
  'POST /api/v1/rectification/tasks/:id/attachments': (f) => ({
    url: `/api/v1/rectification/tasks/${f.rectTask}/attachments`,
    body: {},
  }),
  'GET /api/v1/rectification/tasks/:id/attachments/:itemId': (f) => ({
    url: `/api/v1/rectification/tasks/${f.rectTask}/attachments/${f.rectAttachment}`,
  }),
  'GET /api/v1/rectification/arrears': () => ({ url: '/api/v1/rectification/arrears?pageSize=200' }),
  'GET /api/v1/rectification/arrears/export.xlsx': (f) => ({
    url: `/api/v1/rectification/arrears/export.xlsx?regionId=${f.unit}`,
  }),
  'GET /api/v1/rectification/arrears/figures': (f) => ({
    url: `/api/v1/rectification/arrears/figures?regionId=${f.unit}`,
  }),
  'POST /api/v1/rectification/arrears': (f) => ({
    url: '/api/v1/rectification/arrears',
    body: {
      debtorName: '越权国企',
      creditorName: '越权企业',
      creditorCreditCode: '91110000802100433B',
      contract: '越权合同',
      regionId: f.unit,
      amountFen: 100,
      dueOn: '2026-01-05',
    },
  }),
  'GET /api/v1/rectification/arrears/:id': (f) => ({ url: `/api/v1/rectification/arrears/${f.arrear}` }),
  'POST /api/v1/rectification/arrears/:id/repayments': (f) => ({
    url: `/api/v1/rectification/arrears/${f.arrear}/repayments`,
    body: { version: 1, paidOn: '2026-01-05', amountFen: 1 },
  }),
  'GET /api/v1/incentives/policies': () => ({ url: '/api/v1/incentives/policies' }),
  // a trial computation for another city's enterprise: refused (an enterprise may name only itself)
  'POST /api/v1/incentives/evaluate': (f) => ({
    url: '/api/v1/incentives/evaluate',
    body: {
      policyId: 'sx-2023-east-manufacturing-transfer',
      kind: 'capital_arrival',
      enterpriseId: f.enterprise,
      foreignInvested: true,
      registeredProvince: '32',
      catalogueItemId: 'cat-2022-1',
      arrivals: [
        { bankReceiptNo: 'ACC-EVAL-1', receivedOn: '2025-03-03', currency: 'USD', amount: 1_000_000_000 },
      ],
    },
  }),
  'GET /api/v1/incentives/applications': () => ({ url: '/api/v1/incentives/applications?pageSize=200' }),
  'GET /api/v1/incentives/applications/export.xlsx': (f) => ({
    url: `/api/v1/incentives/applications/export.xlsx?regionId=${f.unit}`,
  }),
  'GET /api/v1/incentives/applications/:id': (f) => ({
    url: `/api/v1/incentives/applications/${f.incentive}`,
  }),
  'POST /api/v1/incentives/applications': (f) => ({
    url: '/api/v1/incentives/applications',
    body: {
      policyId: 'sx-2023-east-manufacturing-transfer',
      kind: 'capital_arrival',
      enterpriseId: f.enterprise,
      regionId: f.unit,
      foreignInvested: true,
      registeredProvince: '32',
      catalogueItemId: 'cat-2022-1',
      arrivals: [
        { bankReceiptNo: 'ACC-INTRUDE-1', receivedOn: '2025-03-03', currency: 'USD', amount: 1_000_000_000 },
      ],
    },
  }),
  'POST /api/v1/incentives/applications/:id/review': (f) => ({
    url: `/api/v1/incentives/applications/${f.incentive}/review`,
    body: { version: 1, decision: 'approve' },
  }),
  'POST /api/v1/incentives/applications/:id/resubmit': (f) => ({
    url: `/api/v1/incentives/applications/${f.incentive}/resubmit`,
    body: { version: 1, materials: [] },
  }),
  'POST /api/v1/incentives/applications/:id/payments': (f) => ({
    url: `/api/v1/incentives/applications/${f.incentive}/payments`,
    body: { version: 1, paidOn: '2025-03-04', amountFen: 1, voucherNo: 'ACC-VOUCHER' },
  }),
  // The central-parity table and the catalogue are reference data of the whole province.
  'GET /api/v1/incentives/rates': () => ({ url: '/api/v1/incentives/rates' }),
  'POST /api/v1/incentives/rates': () => ({
    url: '/api/v1/incentives/rates',
    body: { day: '2025-03-04', rate: '9.9999' },
  }),
  'GET /api/v1/incentives/figures': (f) => ({ url: `/api/v1/incentives/figures?regionId=${f.unit}` }),
  'GET /api/v1/incentives/obligations': (f) => ({ url: `/api/v1/incentives/obligations?regionId=${f.unit}` }),
  'GET /api/v1/incentives/catalogue': () => ({ url: '/api/v1/incentives/catalogue?pageSize=200' }),
  'POST /api/v1/incentives/catalogue/import': () => ({
    url: '/api/v1/incentives/catalogue/import',
    body: {},
  }),
  'POST /api/v1/incentives/matching': (f) => ({
    url: '/api/v1/incentives/matching',
    body: { projectId: f.project },
  }),
  'POST /api/v1/rectification/incentives/:id/task': (f) => ({
    url: `/api/v1/rectification/incentives/${f.incentive}/task`,
    body: { campaignId: f.campaign, deadlineOn: '2026-06-30' },
  }),
};

describeApi('access', () => {
  let t: TestApp;
  let linfenSide: Foreign;
  let taiyuanSide: Foreign;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.login('admin');
    // Something of each side in the audit trail, and a notification for each side's user.
    for (const [code, parent] of [
      ['Z-ACC-TY', '140105'],
      ['Z-ACC-LF', '141021'],
    ] as const) {
      await admin.post('/api/v1/org-units', {
        code,
        name: `测试园区${code}`,
        kind: 'zone',
        parentId: await unitId(t, parent),
      });
    }
    const note = async (username: string) => {
      const id = await userId(t, username);
      await notify(t.database.db, [id], { kind: 'test', params: { title: `通知-${username}` } });
      const row = await t.database.db
        .selectFrom('notifications')
        .select('id')
        .where('userId', '=', id)
        .executeTakeFirstOrThrow();
      return row.id;
    };
    const investor = (
      await admin.post('/api/v1/investors', { name: '访问测试投资方', creditCode: '91110000802100433B' })
    ).json();
    const project = async (regionCode: string, name: string) => {
      const p = (
        await admin.post('/api/v1/projects', {
          name,
          regionId: await unitId(t, regionCode),
          industryCode: '39',
          totalInvestmentFen: 100_000_00,
          projectType: 'new',
          investorIds: [investor.id],
        })
      ).json();
      const withNeed = (
        await admin.post(`/api/v1/projects/${p.id}/factor-needs`, {
          kind: 'land',
          quantity: '120',
          responsibleOrgId: p.regionId,
        })
      ).json();
      const withPromise = (
        await admin.post(`/api/v1/projects/${p.id}/promises`, {
          content: '承诺',
          dueOn: '2026-01-05',
          responsibleOrgId: p.regionId,
        })
      ).json();
      const upload = await admin.request({
        method: 'POST',
        url: `/api/v1/projects/${p.id}/attachments`,
        ...multipart('协议.pdf', Buffer.from('%PDF-1.4 test')),
      });
      // an activity of the same region, led by its official, the project first contacted there
      const official = (
        await admin.post('/api/v1/officials', {
          name: `${name.slice(0, 2)}测试领导`,
          post: '区长',
          orgUnitId: p.regionId,
          main: true,
        })
      ).json();
      const activity = (
        await admin.post('/api/v1/activities', {
          type: 'outbound',
          title: `${name.slice(0, 2)}测试活动`,
          startOn: '2026-01-05',
          endOn: '2026-01-06',
          organiserId: p.regionId,
          officialIds: [official.id],
          investorIds: [investor.id],
          sourceProjectIds: [p.id],
        })
      ).json();
      const activityUpload = await admin.request({
        method: 'POST',
        url: `/api/v1/activities/${activity.id}/attachments`,
        ...multipart('活动纪要.pdf', Buffer.from('%PDF-1.4 test')),
      });
      expect([official.id, activity.id, activityUpload.statusCode]).toEqual([
        expect.any(String),
        expect.any(String),
        201,
      ]);
      return {
        project: p.id,
        need: withNeed.factorNeeds[0].id,
        promise: withPromise.promises[0].id,
        attachment: upload.json().id,
        activity: activity.id,
        activityAttachment: activityUpload.json().id,
        official: official.id,
      };
    };
    const importJob = async (username: string) => {
      const id = `job-${username}`;
      const at = new Date().toISOString();
      await insertImportJob(t.database.db, {
        id,
        kind: 'projects',
        mode: 'check',
        status: 'running',
        phase: 'checking',
        actorId: await userId(t, username),
        fileName: `${username}.xlsx`,
        fileSha256: '0',
        errorsJson: JSON.stringify({ code: null, errorCount: 0, errors: [] }),
        createdAt: at,
        updatedAt: at,
      });
      return id;
    };
    /** An appeal filed at `region` for `enterprise`, accepted and assigned to `dept`; a meeting in `city`. */
    const appealSide = async (region: string, enterprise: string, dept: string, city: string) => {
      const filed = (
        await admin.post('/api/v1/appeals', {
          channel: 'window',
          category: 'land',
          title: '访问测试诉求',
          description: '访问测试',
          enterpriseId: await unitId(t, enterprise),
          regionId: await unitId(t, region),
        })
      ).json();
      const accepted = (await admin.post(`/api/v1/appeals/${filed.id}/accept`, { version: 1 })).json();
      await admin.post(`/api/v1/appeals/${filed.id}/assign`, {
        version: accepted.version,
        departmentId: await unitId(t, dept),
      });
      const meeting = (
        await admin.post('/api/v1/appeal-meetings', {
          series: 'breakfast',
          title: '访问测试早餐会',
          heldOn: '2026-01-05',
          regionId: await unitId(t, city),
          hostLeader: '市长',
          enterpriseIds: [await unitId(t, enterprise)],
        })
      ).json();
      expect([filed.status, accepted.status, meeting.title]).toEqual([
        'submitted',
        'accepted',
        '访问测试早餐会',
      ]);
      const upload = await admin.request({
        method: 'POST',
        url: `/api/v1/appeals/${filed.id}/attachments`,
        ...multipart('诉求材料.pdf', Buffer.from('%PDF-1.4 appeal')),
      });
      expect(upload.statusCode, upload.body).toBe(201);
      return {
        appeal: filed.id as string,
        appealAttachment: upload.json().id as string,
        meeting: meeting.id as string,
      };
    };
    /** A campaign of the city, a task in the county led by the city, its evidence, and an arrears record. */
    const rectificationSide = async (username: string, city: string, county: string, name: string) => {
      const c = await t.login(username);
      const campaign = (
        await c.post('/api/v1/rectification/campaigns', {
          title: `${name}整改行动`,
          issuingBody: name,
          startOn: '2026-01-01',
          deadlineOn: '2026-12-31',
          scopeOrgIds: [await unitId(t, city)],
          problems: [`${name}要素保障不到位`],
        })
      ).json();
      const task = (
        await c.post('/api/v1/rectification/tasks', {
          campaignId: campaign.id,
          problemId: campaign.problems[0].id,
          issue: `${name}整改任务`,
          measures: `${name}整改措施`,
          leadOrgId: await unitId(t, city),
          zoneIds: [await unitId(t, county)],
          deadlineOn: '2026-06-30',
        })
      ).json();
      const upload = await c.request({
        method: 'POST',
        url: `/api/v1/rectification/tasks/${task.id}/attachments`,
        ...multipart('整改佐证.pdf', Buffer.from('%PDF-1.4 test')),
      });
      const arrear = (
        await c.post('/api/v1/rectification/arrears', {
          debtorName: `${name}国有投资集团`,
          creditorName: `${name}小微企业`,
          creditorCreditCode: '91110000802100433B',
          contract: `${name}工程合同`,
          regionId: await unitId(t, county),
          amountFen: 100_000_00,
          dueOn: '2026-01-05',
        })
      ).json();
      expect([task.status, upload.statusCode, arrear.status]).toEqual(['open', 201, 'outstanding']);
      return {
        campaign: campaign.id as string,
        rectTask: task.id as string,
        rectAttachment: upload.json().id,
        arrear: arrear.id as string,
      };
    };
    /** An incentive application filed by the province for the side's enterprise at the side's county. */
    await admin.post('/api/v1/incentives/rates', { day: '2025-03-03', rate: '7.1702' });
    const incentiveSide = async (enterprise: string, region: string, ref: string) => {
      const res = await admin.post('/api/v1/incentives/applications', {
        policyId: 'sx-2023-east-manufacturing-transfer',
        kind: 'capital_arrival',
        enterpriseId: await unitId(t, enterprise),
        regionId: await unitId(t, region),
        foreignInvested: true,
        registeredProvince: '32',
        catalogueItemId: 'cat-2022-1',
        arrivals: [{ bankReceiptNo: ref, receivedOn: '2025-03-03', currency: 'USD', amount: 1_000_000_000 }],
      });
      expect(res.statusCode, res.body).toBe(201);
      return { incentive: res.json().id as string };
    };
    taiyuanSide = {
      ...(await project('140105', '太原测试项目')),
      ...(await appealSide('140105', 'E-TYZN', 'D14010007', '140100')),
      ...(await rectificationSide('taiyuan', '140100', '140105', '太原')),
      ...(await incentiveSide('E-TYZN', '140105', 'ACC-TY-0001')),
      importJob: await importJob('taiyuan'),
      unit: await unitId(t, '140105'),
      enterprise: await unitId(t, 'E-TYZN'),
      user: await userId(t, 'taiyuan'),
      notification: await note('taiyuan'),
      markers: ['太原', '"taiyuan"', 'Z-ACC-TY', 'E-TYZN', '140105'],
    };
    linfenSide = {
      ...(await project('141002', '临汾测试项目')),
      ...(await appealSide('141026', 'E-JINXIN', 'D14100007', '141000')),
      ...(await rectificationSide('linfen', '141000', '141002', '临汾')),
      ...(await incentiveSide('E-JINXIN', '141026', 'ACC-LF-0001')),
      importJob: await importJob('yaodu'),
      unit: await unitId(t, '141002'),
      enterprise: await unitId(t, 'E-JINXIN'),
      user: await userId(t, 'yaodu'),
      notification: await note('yaodu'),
      markers: ['临汾', '"yaodu"', 'Z-ACC-LF', 'E-JINXIN', '141002'],
    };
  });
  afterAll(() => t.close());

  it('every route declares a permission and has a row in the access matrix', () => {
    const api = t.app.routeGuards().filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api'));
    const unguarded = t.app.routeGuards().filter((r) => !r.permission);
    expect(unguarded).toEqual([]);
    const v1 = api.filter((r) => r.url.startsWith('/api/v1/')).map((r) => `${r.method} ${r.url}`);
    expect(v1.filter((k) => !(k in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((k) => !v1.includes(k))).toEqual([]);
    const open = api.filter((r) => r.permission === 'public').map((r) => `${r.method} ${r.url}`);
    expect(open.filter((k) => !k.includes('/api/docs'))).toEqual([
      'GET /api/health',
      'POST /api/v1/auth/login',
    ]);
  });

  it('refuses every guarded route to an anonymous visitor', async () => {
    const anon = t.anonymous();
    for (const [key, probe] of Object.entries(ACCESS)) {
      if (probe === 'public') continue;
      const [method, path] = key.split(' ');
      const { url, body } = probe === 'self' ? { url: path, body: undefined } : probe(taiyuanSide);
      const res = await anon.request({
        method: method as 'GET',
        url,
        ...(body !== undefined && { payload: body as object }),
      });
      expect(res.statusCode, key).toBe(401);
    }
  });

  const sides: [string, 'linfen' | 'taiyuan'][] = [
    ['linfen', 'linfen'],
    ['yaodu', 'linfen'],
    ['lfkfq', 'linfen'],
    ['linfen_zrzy', 'linfen'],
    ['linfen_leader', 'linfen'],
    ['enterprise', 'linfen'],
    ['taiyuan', 'taiyuan'],
  ];
  it.each(sides)('%s reads and writes nothing of the other city', async (username, side) => {
    const foreign = side === 'linfen' ? taiyuanSide : linfenSide;
    const c: Client = await t.login(username);
    const before = await tableCounts(t);
    const versions = await t.database.db
      .selectFrom('orgUnits')
      .select(['id', 'version'])
      .where('id', '=', foreign.enterprise)
      .execute();
    for (const [key, probe] of Object.entries(ACCESS)) {
      if (probe === 'self' || probe === 'public') continue;
      const [method] = key.split(' ');
      const { url, body } = probe(foreign);
      const res = await c.request({
        method: method as 'GET',
        url,
        ...(body !== undefined && { payload: body as object }),
      });
      if (res.statusCode === 200 && method === 'GET') {
        for (const m of foreign.markers)
          expect(res.body.includes(m), `${username} ${key} leaks ${m}`).toBe(false);
      } else {
        expect([400, 403, 404], `${username} ${key} → ${res.statusCode} ${res.body}`).toContain(
          res.statusCode,
        );
      }
    }
    expect(await tableCounts(t)).toEqual(before);
    expect(
      await t.database.db
        .selectFrom('orgUnits')
        .select(['id', 'version'])
        .where('id', '=', foreign.enterprise)
        .execute(),
    ).toEqual(versions);
  });

  it('an enterprise sees nothing but itself, a department nothing but its own unit', async () => {
    const ent = await t.login('enterprise');
    expect((await ent.get('/api/v1/users')).statusCode).toBe(403);
    expect((await ent.get('/api/v1/org-units')).statusCode).toBe(403);
    const dept = await t.login('linfen_zrzy');
    const units = (await dept.get('/api/v1/org-units?pageSize=200')).json();
    expect(units.items.map((u: { name: string }) => u.name)).toEqual(['临汾市自然资源局']);
    const yaoduUnit = await unitId(t, '141002');
    expect((await dept.get(`/api/v1/org-units/${yaoduUnit}`)).statusCode).toBe(404);
  });

  it('an enterprise never reads another enterprise’s appeal; an anonymous filer stays hidden from the department', async () => {
    const yaodu = await t.login('yaodu');
    const other = (
      await yaodu.post('/api/v1/appeals', {
        channel: 'hotline',
        category: 'inspection',
        title: '同城另一企业的匿名诉求',
        description: '匿名投诉',
        enterpriseId: await unitId(t, 'E-YDYS'),
        contactPhone: '13900000000',
        anonymous: true,
      })
    ).json();
    const accepted = (await yaodu.post(`/api/v1/appeals/${other.id}/accept`, { version: 1 })).json();
    await yaodu.post(`/api/v1/appeals/${other.id}/assign`, {
      version: accepted.version,
      departmentId: await unitId(t, 'D14100007'),
    });
    const ent = await t.login('enterprise');
    const before = await tableCounts(t);
    expect((await ent.get(`/api/v1/appeals/${other.id}`)).statusCode).toBe(404);
    for (const action of ['rate', 'reply']) {
      const res = await ent.post(`/api/v1/appeals/${other.id}/${action}`, {
        version: 3,
        rating: 'unsatisfied',
        reply: 'x',
      });
      expect([400, 404]).toContain(res.statusCode);
    }
    const listed = (await ent.get('/api/v1/appeals?pageSize=200')).json();
    expect(JSON.stringify(listed)).not.toContain('尧都云商');
    expect(await tableCounts(t)).toEqual(before);
    const dept = await t.login('linfen_zrzy');
    const seen = (await dept.get(`/api/v1/appeals/${other.id}`)).json();
    expect(seen).toMatchObject({
      anonymous: true,
      enterpriseId: null,
      enterpriseName: null,
      contactPhone: null,
    });
    expect(JSON.stringify(seen)).not.toMatch(/尧都云商|13900000000|E-YDYS/);
    const office = (await yaodu.get(`/api/v1/appeals/${other.id}`)).json();
    expect(office.enterpriseName).toBe('尧都云商产业园运营有限公司');
  });

  it('a county sees its county only, not its neighbours or its city', async () => {
    const yaodu = await t.login('yaodu');
    const tree = (await yaodu.get('/api/v1/org-units/tree')).json();
    expect(tree.map((n: { name: string }) => n.name)).toEqual(['尧都区']);
    expect((await yaodu.get(`/api/v1/org-units/${await unitId(t, '141000')}`)).statusCode).toBe(404);
    expect((await yaodu.get(`/api/v1/org-units/${await unitId(t, '141021')}`)).statusCode).toBe(404);
    const users = (await yaodu.get('/api/v1/users')).json();
    expect(users.items.map((u: { username: string }) => u.username)).toEqual(['yaodu']);
  });
});
