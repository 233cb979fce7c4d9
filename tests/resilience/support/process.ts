import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../support/server-process.js';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Starts Vigie (the entry point of `npm start`) without waiting for it to be ready: to kill it in the middle of
 * starting, while it migrates and seeds.
 */
export async function spawnStarting(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; exited: Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      VIGIE_CLIENT_DIR: path.join(root, 'does-not-exist'),
      ...env,
    },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, exited };
}

/** SIGKILL, and wait until the process is gone. */
export async function kill(child: ChildProcess, exited?: Promise<unknown>): Promise<void> {
  const gone = exited ?? new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await gone;
}
