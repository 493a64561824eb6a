import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startServer } from '../test/spawn-server.js';

const PASSWORD = 'Demo12345678';

async function signIn(baseUrl: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  return {
    res,
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  };
}

describe('the server process (SQLite)', () => {
  it('prints the demo logins once, shuts down cleanly on SIGTERM and keeps its data across restarts', async () => {
    const first = await startServer(PASSWORD);
    const { res } = await signIn(first.baseUrl);
    expect(res.status).toBe(200);
    expect(first.output()).toContain('password: Demo12345678');
    expect(first.output()).toContain('linfen_zrzy');
    const code = await first.stop({ keep: true });
    expect(code).toBe(0);
    const file = path.join(first.dataDir, 'yingshang.sqlite');
    // closed cleanly: the WAL was checkpointed and removed, the file passes its integrity check
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const db = new SQLite(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(
      (
        db.prepare("select last_login_at from users where username = 'admin'").get() as {
          last_login_at: string;
        }
      ).last_login_at,
    ).toBeTruthy();
    db.close();

    const second = await startServer(PASSWORD, {}, first.dataDir);
    try {
      expect(second.output()).not.toContain('password: Demo12345678');
      const again = await signIn(second.baseUrl);
      expect(again.res.status).toBe(200);
      const me = await fetch(`${second.baseUrl}/api/v1/auth/me`, { headers: { cookie: again.cookie } });
      expect((await me.json()).user.username).toBe('admin');
      const page = await fetch(`${second.baseUrl}/admin/users`);
      expect(page.headers.get('content-type')).toContain('text/html');
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 90_000);
});
