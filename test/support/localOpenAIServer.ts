// An OpenAI-compatible chat endpoint on 127.0.0.1 whose answers come from a real GGUF model in
// this process (the local provider's engine, localEngine.ts), for measuring the OpenAI path as a
// user of vLLM, llama.cpp's server or LM Studio meets it: the same request body `provider: openai`
// sends, structured output as a grammar, and `usage` counted by the model's own tokenizer.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatMessage } from '../../src/core/llm/chat';
import type { LocalEngine } from '../../src/core/llm/local/localEngine';

/** What a request body carries that an answer depends on (the rest is ignored, as servers do). */
interface ChatBody {
  messages: ChatMessage[];
  response_format?: { type: string; json_schema?: { name?: string; schema?: Record<string, unknown> } };
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  seed?: number;
}

export interface LocalOpenAIServer {
  /** The `base_url` to give a model config: `http://127.0.0.1:<port>/v1`. */
  baseUrl: string;
  /** Requests answered, and the largest `max_tokens` one asked for. */
  requests: number;
  close(): Promise<void>;
}

/** Most a request body may hold: a prompt is kilobytes, never megabytes. */
const BODY_LIMIT = 4 * 1024 * 1024;

export async function startLocalOpenAIServer(engine: LocalEngine, defaultMaxTokens = 256): Promise<LocalOpenAIServer> {
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      reply(404, { error: { message: `no route ${req.method} ${req.url}` } });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      let body: ChatBody;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatBody;
      } catch {
        reply(400, { error: { message: 'the body is not JSON' } });
        return;
      }
      const abort = new AbortController();
      res.on('close', () => {
        if (!res.writableEnded) abort.abort(new Error('client went away'));
      });
      const schema = body.response_format?.json_schema;
      const maxTokens = body.max_completion_tokens ?? body.max_tokens ?? defaultMaxTokens;
      engine
        .call(
          {
            messages: body.messages,
            ...(schema?.schema ? { schema: schema.schema } : {}),
            kind: schema?.name ?? 'text',
            seed: (body.seed ?? 0) >>> 0,
            temperature: body.temperature ?? 0.7,
            maxTokens,
          },
          abort.signal,
        )
        .then((r) => {
          state.requests++;
          const prompt = r.tokens.input_tokens ?? 0;
          const completion = r.tokens.output_tokens ?? 0;
          reply(200, {
            id: `chatcmpl-local-${state.requests}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: 'local',
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: r.content },
                finish_reason: completion >= maxTokens ? 'length' : 'stop',
              },
            ],
            usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
          });
        })
        .catch((err: unknown) => reply(500, { error: { message: (err as Error).message } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
