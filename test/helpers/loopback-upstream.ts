import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TestContext } from 'node:test';

/** A request as a loopback upstream received it, body whole. */
export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  socket: Socket;
}

/**
 * A loopback HTTP server, closed after the test: `answer` sees each request once its body has
 * arrived, with every request so far (`seen`, this one last); `sockets` holds each connection made.
 */
export async function loopbackUpstream(t: TestContext, answer: (req: Seen, res: ServerResponse, seen: Seen[]) => void) {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const one = { method: req.method!, url: req.url!, headers: req.headers, body, socket: req.socket };
      seen.push(one);
      answer(one, res, seen);
    });
  });
  server.on('connection', (socket: Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, sockets };
}
