// Starts `vite preview` for the scripts that drive a real browser (screenshots, benchmarks) and waits until it answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export type PreviewOptions = {
  root: string;
  port: number;
  /** Extra arguments for `vite preview` (e.g. `--config`). */
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Said when the server exits at once, e.g. which variable moves it to another port. */
  portHint: string;
};

/** Resolves with the running server once http://127.0.0.1:<port> answers (30 s at most); the caller kills it. */
export async function startPreview(o: PreviewOptions): Promise<ChildProcess> {
  const origin = `http://127.0.0.1:${o.port}`;
  const vite = join(o.root, 'node_modules', '.bin', 'vite');
  const server = spawn(vite, ['preview', ...(o.args ?? []), '--port', String(o.port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: o.root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: o.env ?? process.env,
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode} (port ${o.port} in use? ${o.portHint})`);
    try {
      if ((await fetch(origin)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${origin}`);
}
