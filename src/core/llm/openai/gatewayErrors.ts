// Gateways and servers in front of a model answer errors in their own shapes — Portkey's
// {"status":"failure","message":…}, FastAPI's {"detail":…} — and the `openai` package reads only
// OpenAI's {"error":{…}}, so their words became "status code (no body)". These clients hand the
// whole body on as the error when it has no `error` key; the package then quotes its `message`,
// or the body itself.
import OpenAI, { AzureOpenAI } from 'openai';

/** An error body in OpenAI's shape: `{ error: … }` kept, any other JSON object wrapped. */
export function openAIShaped(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || 'error' in body) return body;
  return { error: body };
}

export class GatewayAwareOpenAI extends OpenAI {
  protected override makeStatusError(status: number, error: object, message: string | undefined, headers: Headers) {
    return super.makeStatusError(status, openAIShaped(error) as object, message, headers);
  }
}

export class GatewayAwareAzureOpenAI extends AzureOpenAI {
  protected override makeStatusError(status: number, error: object, message: string | undefined, headers: Headers) {
    return super.makeStatusError(status, openAIShaped(error) as object, message, headers);
  }
}
