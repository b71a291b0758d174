// Progress notifications while a tool works: an assistant's MCP client gives up on a request after
// its timeout (60 s by default in the SDK) unless progress arrives, and a run on a real model takes
// minutes. When the request carries a progress token, the server says every HEARTBEAT_MS that the
// call is still under way (how long so far); the call itself stays bounded by invokeTool's limits.

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

/** `work()`, with a progress notification every `every` ms while it runs (only when a token was given). */
export async function withHeartbeat<T>(
  extra: ProgressExtra,
  what: string,
  work: () => Promise<T>,
  every = HEARTBEAT_MS,
): Promise<T> {
  const token = extra._meta?.progressToken;
  if (token === undefined) return work();
  const started = Date.now();
  let beats = 0;
  const timer = setInterval(() => {
    beats++;
    const seconds = Math.round((Date.now() - started) / 1000);
    // A client that went away cannot be told; the call's own signal ends the work.
    extra
      .sendNotification({
        method: 'notifications/progress',
        params: { progressToken: token, progress: beats, message: `${what}: under way for ${seconds} s` },
      })
      .catch(() => undefined);
  }, every);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
