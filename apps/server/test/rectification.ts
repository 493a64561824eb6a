import { expect } from 'vitest';
import { addDays, beijingToday } from '../src/lib/days.js';
import { NINE_PROBLEMS } from '../src/seed/demo/campaign.js';
import type { Client } from './harness.js';

export interface TestCampaign {
  id: string;
  title: string;
  deadlineOn: string;
  problems: { id: string }[];
}

/**
 * Rectification campaigns and tasks written through the API by the province's administrator, for
 * the tests that need a campaign's tasks in several regions (`ids` holds the province's and the
 * zone's unit ids): a task is the zone's own unless the patch says otherwise.
 */
export function rectificationWriter(admin: Client, ids: Record<string, string>) {
  const today = beijingToday();
  /** A write answered 200; its record. */
  const ok = async (p: Promise<{ statusCode: number; body: string; json: () => unknown }>) => {
    const res = await p;
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; version: number; status: string };
  };
  return {
    ok,
    async newCampaign(title: string, deadlineDays: number) {
      const res = await admin.post('/api/v1/rectification/campaigns', {
        title,
        issuingBody: '山西省',
        startOn: addDays(today, -30),
        deadlineOn: addDays(today, deadlineDays),
        scopeOrgIds: [ids.province],
        problems: [...NINE_PROBLEMS],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as TestCampaign;
    },
    async newTask(c: TestCampaign, patch: Record<string, unknown>) {
      const res = await admin.post('/api/v1/rectification/tasks', {
        campaignId: c.id,
        problemId: c.problems[0].id,
        source: 'self_inspection',
        issue: '开发区企业反映事项办理慢',
        measures: '压实责任，限期办结',
        leadOrgId: ids.zone,
        coopOrgIds: [],
        zoneIds: [ids.zone],
        deadlineOn: addDays(today, 30),
        milestones: [],
        ...patch,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number };
    },
    /** The lead unit reports 100 % and passes its self-inspection: verified, waiting for 销号. */
    async finish(lead: Client, task: { id: string; version: number }) {
      const url = `/api/v1/rectification/tasks/${task.id}`;
      const done = await ok(
        lead.post(`${url}/progress`, { version: task.version, percent: 100, narrative: '已办结' }),
      );
      return ok(
        lead.post(`${url}/self-inspections`, {
          version: done.version,
          result: 'passed',
          findings: '自查通过',
        }),
      );
    },
    /** 销号 by the province. */
    close: (task: { id: string; version: number }) =>
      ok(
        admin.post(`/api/v1/rectification/tasks/${task.id}/close`, {
          version: task.version,
          note: '同意销号',
        }),
      ),
  };
}
