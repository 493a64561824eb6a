import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, createTestApp, describeApi, type TestApp } from '../../test/harness.js';

/** The web app's files and the API's answers, compressed and cached as the browser accepts. */
describeApi('compressed and cached responses', () => {
  let t: TestApp;
  let admin: Client;
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ys-dist-'));
  const script = `console.log(${JSON.stringify('营商通'.repeat(2000))});`;

  beforeAll(async () => {
    // a build as vite.config.ts writes it: hashed assets with their brotli and gzip copies
    fs.mkdirSync(path.join(dist, 'assets'));
    const file = path.join(dist, 'assets/index-Ab12Cd34.js');
    fs.writeFileSync(file, script);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(script));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(script));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>营商通</title>');
    t = await createTestApp({ WEB_DIST: dist });
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('serves the build’s brotli or gzip copy of an asset as accepted, cached for a year', async () => {
    const get = (encoding?: string) =>
      t.anonymous().request({
        method: 'GET',
        url: '/assets/index-Ab12Cd34.js',
        headers: encoding ? { 'accept-encoding': encoding } : {},
      });
    const br = await get('gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 10);

    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('never caches the page that names the current build’s assets', async () => {
    for (const url of ['/', '/projects/123']) {
      const res = await t.anonymous().request({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('compresses API answers over 1 KB for a client that accepts it, and leaves small ones alone', async () => {
    const big = await admin.request({
      method: 'GET',
      url: '/api/v1/org-units/tree',
      headers: { 'accept-encoding': 'br' },
    });
    expect(big.statusCode).toBe(200);
    expect(big.headers['content-encoding']).toBe('br');
    expect(big.headers['cache-control']).toBe('no-store');
    const tree = JSON.parse(zlib.brotliDecompressSync(big.rawPayload).toString());
    expect(tree).toEqual((await admin.get('/api/v1/org-units/tree')).json());

    expect(big.headers.vary).toContain('Accept-Encoding');
    for (const accept of ['gzip', 'br;q=0, gzip', 'gzip, deflate']) {
      const gz = await admin.request({
        method: 'GET',
        url: '/api/v1/org-units/tree',
        headers: { 'accept-encoding': accept },
      });
      expect(gz.headers['content-encoding'], accept).toBe('gzip');
      expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString())).toEqual(tree);
    }
    const plain = await admin.request({
      method: 'GET',
      url: '/api/v1/org-units/tree',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(tree);

    const small = await admin.request({
      method: 'GET',
      url: '/api/v1/notifications/unread-count',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual(expect.any(Object));
  });
});
