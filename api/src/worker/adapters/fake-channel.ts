import { createServer, IncomingMessage, Server } from 'http';
import type { AddressInfo } from 'net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/**
 * A channel API on loopback for the adapters' tests: records each request and answers
 * with what `reply` says (status, JSON), or drops the connection when it returns 'drop'.
 */
export async function fakeChannel(reply: (req: SeenRequest) => { status: number; body: unknown } | 'drop') {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const r: SeenRequest = { method: req.method!, path: req.url!, headers: req.headers, body: raw ? JSON.parse(raw) : undefined };
      seen.push(r);
      const answer = reply(r);
      if (answer === 'drop') return req.socket.destroy();
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
