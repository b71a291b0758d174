// Progress notifications while a tool works: an assistant's MCP client gives up on a request after
// its timeout (60 s by default in the SDK) unless progress arrives, and a run on a real model takes
// minutes. When the request carries a progress token, the server says every HEARTBEAT_MS that the
// call is still under way, and at once when a run (a round, an entry) ends, with what is done of
// what is planned: the `society` child's progress lines (core/tools/progressLines.ts). `progress`
// counts notifications (the protocol wants it to grow with each one); the counts are in `message`.
import { progressText, type ToolProgress } from '../../core/tools/progressLines';
import type { ToolHost } from '../../core/tools/tools';

/** How often a call under way says so. */
export const HEARTBEAT_MS = 10_000;

/** What the SDK hands a tool handler that heartbeats need. */
export interface ProgressExtra {
  _meta?: { progressToken?: string | number };
  sendNotification(n: {
    method: 'notifications/progress';
    params: { progressToken: string | number; progress: number; message?: string };
  }): Promise<void>;
}

/**
 * `work(host)`, with progress notifications while it runs (only when a token was given); the host
 * handed to `work` reports its `society` child's progress lines.
 */
export async function withHeartbeat<T>(
  extra: ProgressExtra,
  what: string,
  host: ToolHost,
  work: (host: ToolHost) => Promise<T>,
  every = HEARTBEAT_MS,
): Promise<T> {
  const token = extra._meta?.progressToken;
  if (token === undefined) return work(host);
  const started = Date.now();
  let beats = 0;
  let latest: ToolProgress | undefined;
  const say = (): void => {
    beats++;
    const seconds = Math.round((Date.now() - started) / 1000);
    const done = latest ? `${progressText(latest)}, ` : '';
    // A client that went away cannot be told; the call's own signal ends the work.
    extra
      .sendNotification({
        method: 'notifications/progress',
        params: { progressToken: token, progress: beats, message: `${what}: ${done}under way for ${seconds} s` },
      })
      .catch(() => undefined);
  };
  const timer = setInterval(say, every);
  const onProgress = (p: ToolProgress): void => {
    const moved = !latest || p.done !== latest.done || p.total !== latest.total || p.of !== latest.of;
    latest = p;
    if (moved) say();
  };
  const reporting: ToolHost = { ...host, society: (args, signal) => host.society(args, signal, onProgress) };
  try {
    return await work(reporting);
  } finally {
    clearInterval(timer);
  }
}
