/** A Node child process that prints `LISTENING <url>` once it serves; stopped by its own pid. */
import { spawn, type ChildProcess } from 'node:child_process';
import { reapOnExit } from './reap.js';

export interface ChildServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startChild(script: string, env: Record<string, string>, limitMs = 20_000): Promise<ChildServer> {
  const child = reapOnExit(spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }));
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not print LISTENING within ${limitMs} ms\n${err}`));
    }, limitMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before listening\n${err}`));
    });
    child.stdout!.on('data', (d) => {
      out += d;
      const url = /^LISTENING (\S+)$/m.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ url, child, stop });
      }
    });
  });
}
