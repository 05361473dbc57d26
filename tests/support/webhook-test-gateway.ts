// A real HTTP gateway on 127.0.0.1 (node:http) standing in for an SMS or chat gateway: it records
// each post the console makes and answers with the status it is told.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayPost {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookTestGateway {
  port: number;
  received: GatewayPost[];
  /** The HTTP status answered from now on. */
  status: number;
}

export async function startWebhookGateway(env: { defer(dispose: () => unknown): void }): Promise<WebhookTestGateway> {
  const gateway: WebhookTestGateway = { port: 0, received: [], status: 202 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      gateway.received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(gateway.status, { 'x-message-id': `gw-${gateway.received.length}` });
      response.end(gateway.status < 300 ? 'queued' : 'gateway overloaded');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.port = (server.address() as AddressInfo).port;
  env.defer(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return gateway;
}

/**
 * Checks `X-Dispatch-Signature` as docs/API.md tells a gateway to: `v1` is the hex HMAC-SHA256,
 * keyed with the shared secret, of "<t>.<raw body>".
 */
export function signatureHolds(post: GatewayPost, secret: string): boolean {
  const header = String(post.headers['x-dispatch-signature'] ?? '');
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${post.body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2] ?? '', 'hex'));
}
