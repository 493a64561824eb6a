/**
 * `npm run bench -- assets`: what a browser downloads for the login page and for a cold dashboard
 * (empty cache), from the build's manifest (apps/web/dist/.vite/manifest.json; `npm run build`
 * first): the entry's static imports and the zh-CN language pack it fetches at start, then the
 * signed-in shell's (AppLayout) and the dashboard page's. Weighed as built, as gzip and as
 * brotli (the copies the build writes and the server sends). Targets of issue 21: login page ≤ 250
 * KB of JS on the wire, a cold dashboard ≤ 650 KB.
 */
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve('apps/web/dist');

interface Chunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
/** A file's bytes on the wire in one encoding (files under 1 KB are sent as they are). */
const wire = (file: string, ext: '' | '.gz' | '.br') => size(`${file}${ext}`) || size(file);

export async function assetsBench(): Promise<void> {
  const manifestFile = path.join(dist, '.vite/manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error('no build manifest: run npm run build first');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, Chunk>;
  const closure = (keys: string[], seen = new Set<string>()) => {
    for (const k of keys) {
      if (seen.has(k) || !manifest[k]) continue;
      seen.add(k);
      closure(manifest[k].imports ?? [], seen);
    }
    return seen;
  };
  const entry = Object.keys(manifest).filter((k) => manifest[k].isEntry);
  // what the entry fetches at once beside its static imports: the default language's pack (zh-CN)
  const atStart = ['src/app/i18n/locale.zh-CN.ts'].filter((k) => manifest[k]);
  const login = closure([...entry, ...atStart]);
  // the signed-in shell (loaded after sign-in) and the dashboard page in it
  const dashboard = closure(
    ['src/app/layout/AppLayout.tsx', 'src/features/dashboard/pages/DashboardPage.tsx'],
    new Set(login),
  );
  const weigh = (chunks: Set<string>) => {
    const files = [...chunks].map((k) => path.join(dist, manifest[k].file));
    const css = [...new Set([...chunks].flatMap((k) => manifest[k].css ?? []))].map((f) =>
      path.join(dist, f),
    );
    const sum = (list: string[], ext: '' | '.gz' | '.br') =>
      list.reduce((n, f) => n + wire(f, ext), 0) / 1024;
    return {
      files: files.length,
      raw: sum(files, ''),
      gz: sum(files, '.gz'),
      br: sum(files, '.br'),
      cssBr: sum(css, '.br'),
    };
  };
  console.log(
    'assets (apps/web/dist)'.padEnd(26),
    'JS files'.padStart(9),
    'as built'.padStart(11),
    'gzip'.padStart(10),
    'brotli'.padStart(10),
    'CSS brotli'.padStart(11),
    'target'.padStart(10),
  );
  for (const [name, set, target] of [
    ['login page', login, 250],
    ['cold dashboard', dashboard, 650],
  ] as const) {
    const w = weigh(set);
    const kb = (n: number) => `${n.toFixed(0)} KB`;
    console.log(
      name.padEnd(26),
      String(w.files).padStart(9),
      kb(w.raw).padStart(11),
      kb(w.gz).padStart(10),
      kb(w.br).padStart(10),
      kb(w.cssBr).padStart(11),
      `≤ ${target} KB`.padStart(10),
    );
  }
}
