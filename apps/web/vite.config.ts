import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.YINGSHANG_API ?? 'http://127.0.0.1:3000';

/** The production policy (set by the server), applied to `vite preview` too so violations show up early. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'";

/**
 * Brotli (quality 11) and gzip (level 9) copies of every text asset over 1 KB, written beside it
 * at build time: the server sends the one the browser accepts (@fastify/static preCompressed)
 * without compressing anything per request.
 */
function precompress(): Plugin {
  return {
    name: 'yingshang-precompress',
    apply: 'build',
    writeBundle({ dir }) {
      const out = dir ?? path.join(root, 'dist');
      const walk = (d: string): string[] =>
        fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
          const p = path.join(d, e.name);
          return e.isDirectory() ? walk(p) : [p];
        });
      for (const file of walk(out)) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // which chunks a page loads (bench/assets.ts reads it to weigh the login page and the dashboard)
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    port: 4173,
    headers: { 'Content-Security-Policy': CSP },
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
