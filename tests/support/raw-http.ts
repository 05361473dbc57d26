// node:http requests with headers fetch would not send as given (Host above all), for transport tests.
import http from 'node:http';

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/**
 * One request to the server at `baseUrl` (its address and port) with exactly the headers given,
 * so a test can claim any Host, as a page on a rebinding DNS name would. An event stream is read
 * up to its first bytes and then closed (it never ends by itself).
 */
export function rawRequest(
  baseUrl: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const base = new URL(baseUrl);
    // The path goes out as written, so a test can send a request target no URL parser would make.
    const req = http.request({
      host: base.hostname.replace(/^\[|\]$/g, ''),
      port: base.port,
      path: options.path,
      method: options.method ?? 'GET',
      headers: options.headers ?? {},
    });
    req.on('response', (res) => {
      const contentType = res.headers['content-type'] ?? '';
      const chunks: Buffer[] = [];
      const finish = () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const json = contentType.startsWith('application/json') ? (JSON.parse(text) as unknown) : undefined;
        resolve({ status: res.statusCode ?? 0, contentType, text, json });
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (contentType.startsWith('text/event-stream')) {
          res.destroy();
          finish();
        }
      });
      res.on('end', finish);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
