import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  describeApi,
  multipart,
  type TestApp,
  unitId,
} from '../../../test/harness.js';

describeApi('project attachments', () => {
  let t: TestApp;
  let linfen: Client;
  let projectId: string;
  const upload = (c: Client, name: string, data: Buffer) =>
    c.request({ method: 'POST', url: `/api/v1/projects/${projectId}/attachments`, ...multipart(name, data) });

  beforeAll(async () => {
    t = await createTestApp();
    linfen = await t.login('linfen');
    const inv = (
      await linfen.post('/api/v1/investors', { name: '附件测试投资方', creditCode: '91110000802100433B' })
    ).json();
    const p = await linfen.post('/api/v1/projects', {
      name: '附件测试项目',
      regionId: await unitId(t, '141002'),
      industryCode: '39',
      totalInvestmentFen: 100_000_00,
      projectType: 'new',
      investorIds: [inv.id],
    });
    projectId = p.json().id;
  });
  afterAll(() => t.close());

  it('stores a typed file, lists it and serves the same bytes back', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 7)]);
    const res = await upload(linfen, '投资协议.pdf', pdf);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fileName: '投资协议.pdf', mime: 'application/pdf', size: pdf.length });
    const list = (await linfen.get(`/api/v1/projects/${projectId}/attachments`)).json();
    expect(list.map((a: { fileName: string }) => a.fileName)).toEqual(['投资协议.pdf']);
    const down = await linfen.get(`/api/v1/projects/${projectId}/attachments/${res.json().id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('投资协议.pdf'));
    expect(down.rawPayload.equals(pdf)).toBe(true);
  });

  it('refuses files whose type or content is not allowed, or that are too large', async () => {
    const exe = await upload(linfen, 'setup.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect([exe.statusCode, exe.json().error.code]).toEqual([400, 'FILE_INVALID']);
    const script = await upload(linfen, 'x.html', Buffer.from('<script>alert(1)</script>'));
    expect(script.json().error.code).toBe('FILE_INVALID');
    const big = await upload(
      linfen,
      'big.pdf',
      Buffer.concat([Buffer.from('%PDF'), Buffer.alloc(21 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    const list = (await linfen.get(`/api/v1/projects/${projectId}/attachments`)).json();
    expect(list).toHaveLength(1);
  });

  it('keeps only the base name of a path-like file name', async () => {
    const res = await upload(
      linfen,
      '../../../etc/passwd.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe('passwd.png');
  });

  it('is closed to other cities and deletes with an audit row', async () => {
    const list = (await linfen.get(`/api/v1/projects/${projectId}/attachments`)).json();
    const taiyuan = await t.login('taiyuan');
    expect((await taiyuan.get(`/api/v1/projects/${projectId}/attachments`)).statusCode).toBe(404);
    expect((await taiyuan.get(`/api/v1/projects/${projectId}/attachments/${list[0].id}`)).statusCode).toBe(
      404,
    );
    const leader = await t.login('linfen_leader');
    expect(
      (
        await leader.request({
          method: 'DELETE',
          url: `/api/v1/projects/${projectId}/attachments/${list[0].id}`,
        })
      ).statusCode,
    ).toBe(403);
    const del = await linfen.request({
      method: 'DELETE',
      url: `/api/v1/projects/${projectId}/attachments/${list[0].id}`,
    });
    expect(del.statusCode).toBe(200);
    const audit = (await linfen.get(`/api/v1/audit?entity=attachment&action=delete`)).json();
    expect(audit.items[0]).toMatchObject({ summary: '投资协议.pdf' });
  });
});
