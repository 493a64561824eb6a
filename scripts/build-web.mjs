// Builds the web app when its sources are newer than the last build (used by npm start and the e2e setup).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'apps/web/dist/index.html');
const sources = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/contracts/src'];

function newest(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).map((f) => newest(path.join(p, f))));
}

export function buildWebIfStale() {
  if (fs.existsSync(built) && Math.max(...sources.map(newest)) <= fs.statSync(built).mtimeMs) return;
  console.log('building the web app …');
  // a production bundle even under vitest, which sets NODE_ENV=test (Vite would build React's and
  // antd's development code, with dev-only warnings the production app never prints)
  const env = { ...process.env, NODE_ENV: 'production' };
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error('web build failed');
}
