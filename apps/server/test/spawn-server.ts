import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** SIGTERM, wait for the exit; returns the exit code. Removes the data unless `keep`. */
  stop(opts?: { keep?: boolean }): Promise<number | null>;
  /** SIGKILL (a crash: no shutdown hook runs), wait for the exit; the data stays. */
  kill(): Promise<void>;
  /** The server's process id (to read its memory from /proc). */
  pid: number;
  output(): string;
}

/**
 * The real server (apps/server/src/main.ts) in its own process, on a fresh SQLite database
 * seeded with the demo (password `password`), listening on a free loopback port.
 */
export async function startServer(
  password: string,
  env: Record<string, string> = {},
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ys-server-')),
  /** Node's own flags (e.g. --cpu-prof, which NODE_OPTIONS does not take). */
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const port = await freePort();
  const server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_PASSWORD: password,
      PASSWORD_HASHING: 'fast',
      LOGIN_RATE_LIMIT: '1000000',
      LOG_LEVEL: 'warn',
      // The journeys start from an empty pipeline; a test that wants the demo projects sets it.
      DEMO_PROJECTS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null || Date.now() > deadline) {
      server.kill('SIGKILL');
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    dataDir,
    pid: server.pid ?? 0,
    output: () => output,
    async kill() {
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise<void>((r) => server.once('exit', () => r()));
      server.kill('SIGKILL');
      await exited;
    },
    async stop(opts = {}) {
      const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
      server.kill('SIGTERM');
      const code = await exited;
      if (!opts.keep) fs.rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
