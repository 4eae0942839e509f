/**
 * A real redis-server (the Debian package's binary) on a free loopback port, for one test file:
 * nothing saved, nothing appended, stopped by its own pid. `restart()` keeps the port and loses
 * the data, as a crashed Redis without persistence does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { reapOnExit } from './reap.js';
import { createServer, connect } from 'node:net';
import { waitFor } from './wait-node.js';

export const REDIS_BINARY = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

export interface RedisServer {
  port: number;
  url: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One PING over a raw socket: true on +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(500, () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
    socket.once('data', (data) => (socket.destroy(), resolve(data.toString().startsWith('+PONG'))));
    socket.write('PING\r\n');
  });
}

async function waitForPing(port: number, child: ChildProcess): Promise<void> {
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode} before answering PING on ${port}`);
    return ping(port);
  }, `redis-server answers PING on 127.0.0.1:${port}`);
}

function launch(port: number): ChildProcess {
  return reapOnExit(spawn(REDIS_BINARY, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  }));
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child = launch(port);
  await waitForPing(port, child);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    async restart() {
      await stop();
      child = launch(port);
      await waitForPing(port, child);
    },
  };
}
