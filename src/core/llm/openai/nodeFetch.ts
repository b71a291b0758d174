// The HTTP transport handed to the `openai` package: node:http(s) with keep-alive agents and no
// socket cap (the limiter decides concurrency). It costs less CPU per call than the global
// WHATWG fetch, which matters when hundreds of agents' calls complete in the same instant.
// Bodies other than strings and bytes (uploads) go to the global fetch.
// An answer is read up to a cap (answerCap.ts): a 400 MB body from a hostile or broken endpoint
// fails that call with a fault saying so, and a run's memory stays within concurrency × cap.
import * as http from 'node:http';
import * as https from 'node:https';
import { nameRecord } from '../../text/nameRecord';
import { AnswerTooLargeError, maxAnswerBytes } from './answerCap';

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: Infinity }),
  https: new https.Agent({ keepAlive: true, maxSockets: Infinity }),
};

function responseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
  return h;
}

export const nodeFetch: typeof fetch = (input, init = {}) => {
  const body = init.body;
  if (body != null && typeof body !== 'string' && !(body instanceof Uint8Array)) return fetch(input, init);
  const url = new URL(input instanceof Request ? input.url : String(input));
  const secure = url.protocol === 'https:';
  const headers: Record<string, string> = nameRecord();
  new Headers(init.headers).forEach((v, k) => {
    headers[k] = v;
  });
  return new Promise<Response>((resolve, reject) => {
    const req = (secure ? https : http).request(
      url,
      {
        method: init.method ?? 'GET',
        headers,
        agent: secure ? agents.https : agents.http,
        signal: init.signal ?? undefined,
      },
      (res) => {
        const chunks: Buffer[] = [];
        const cap = maxAnswerBytes();
        let size = 0;
        const tooLarge = (): void => {
          res.destroy();
          req.destroy();
          reject(new AnswerTooLargeError(cap, url.host));
        };
        // Said before a byte is read when the endpoint announces it; counted as it comes otherwise.
        if (Number(res.headers['content-length']) > cap) return tooLarge();
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > cap) tooLarge();
          else chunks.push(c);
        });
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 502;
          const empty = status === 204 || status === 205 || status === 304 || init.method === 'HEAD';
          resolve(
            new Response(empty ? null : Buffer.concat(chunks), {
              status,
              statusText: res.statusMessage,
              headers: responseHeaders(res.headers),
            }),
          );
        });
      },
    );
    req.on('error', reject);
    req.end(body ?? undefined);
  });
};
