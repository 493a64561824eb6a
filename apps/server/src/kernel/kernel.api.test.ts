import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  describeApi,
  multipart,
  type TestApp,
  unitId,
} from '../../test/harness.js';
import { AppError } from '../lib/app-error.js';
import { readInChunks } from './chunks.js';
import { updateVersioned } from './versioned.js';

describeApi('server kernel', () => {
  let t: TestApp;
  let linfen: Client;

  beforeAll(async () => {
    t = await createTestApp();
    linfen = await t.login('linfen');
  });
  afterAll(() => t.close());

  it('updateVersioned sets the changes and the next version, and refuses a stale version with 409', async () => {
    const { db } = t.database;
    const id = await unitId(t, '141002');
    const before = await db.selectFrom('orgUnits').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const row = await updateVersioned(db, 'orgUnits', { id, version: before.version }, { shortName: '尧都' });
    expect([row.shortName, row.version]).toEqual(['尧都', before.version + 1]);
    const stale = await updateVersioned(
      db,
      'orgUnits',
      { id, version: before.version },
      { shortName: 'x' },
    ).then(
      () => null,
      (err: unknown) => err,
    );
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).code).toBe('VERSION_CONFLICT');
    const gone = await updateVersioned(db, 'orgUnits', { id: 'no-such-id', version: 1 }, {}).catch(
      (err: AppError) => err.code,
    );
    expect(gone).toBe('VERSION_CONFLICT');
    const after = await db.selectFrom('orgUnits').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([after.shortName, after.version]).toEqual(['尧都', before.version + 1]);
  });

  it('readInChunks reads more ids than one statement may bind, each row once', async () => {
    const { db } = t.database;
    const all = await db.selectFrom('orgUnits').select('id').execute();
    expect(all.length).toBeGreaterThan(40);
    // 40 000 keys: past SQLite's 32 766 bound variables; real ids repeated and unknown ones mixed in
    const keys = [
      ...all.map((r) => r.id),
      ...all.map((r) => r.id),
      ...Array.from({ length: 40_000 }, (_, i) => `x${i}`),
    ];
    const rows = await readInChunks(keys, (c) =>
      db.selectFrom('orgUnits').select('id').where('id', 'in', c).execute(),
    );
    expect(rows.map((r) => r.id).sort()).toEqual(all.map((r) => r.id).sort());
  });

  it('the attachment routes factory serves an activity’s files: upload, list, download, scope, delete', async () => {
    const created = await linfen.post('/api/v1/activities', {
      type: 'conference',
      title: '内核附件测试推介会',
      startOn: '2026-03-02',
      endOn: '2026-03-02',
      country: '中国',
      province: '山西省',
      city: '临汾市',
      organiserId: await unitId(t, '141000'),
      officialIds: [],
      participants: [],
      investorIds: [],
      sourceProjectIds: [],
      signings: [],
    });
    expect(created.statusCode, created.body).toBe(201);
    const base = `/api/v1/activities/${created.json().id}/attachments`;
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 9, 9, 9]);
    const up = await linfen.request({ method: 'POST', url: base, ...multipart('签到表.png', png) });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ fileName: '签到表.png', mime: 'image/png', size: png.length });

    const wrongField = await linfen.request({
      method: 'POST',
      url: base,
      ...multipart('a.png', png, 'other'),
    });
    expect([wrongField.statusCode, wrongField.json().error.code]).toEqual([400, 'FILE_INVALID']);
    const notMultipart = await linfen.post(base, { file: 'x' });
    expect([notMultipart.statusCode, notMultipart.json().error.code]).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ]);

    expect((await linfen.get(base)).json().map((a: { fileName: string }) => a.fileName)).toEqual([
      '签到表.png',
    ]);
    const down = await linfen.get(`${base}/${up.json().id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('签到表.png')}`,
    );
    expect(down.rawPayload.equals(png)).toBe(true);

    const taiyuan = await t.login('taiyuan');
    expect((await taiyuan.get(base)).json().error.code).toBe('ACTIVITY_NOT_FOUND');
    expect((await taiyuan.get(`${base}/${up.json().id}`)).statusCode).toBe(404);

    const del = await linfen.request({ method: 'DELETE', url: `${base}/${up.json().id}` });
    expect(del.statusCode).toBe(200);
    expect((await linfen.get(base)).json()).toEqual([]);
    expect((await linfen.get(`${base}/${up.json().id}`)).statusCode).toBe(404);
  });
});
