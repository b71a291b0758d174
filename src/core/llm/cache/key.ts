// Content addresses for model answers: SHA-256 of the canonical JSON of what determines an answer
// (provider, endpoint, model, sampling parameters, messages, requested schema). Object key order
// never matters, so the same call gets the same key in every run and on every machine.
import { createHash } from 'node:crypto';
import type { ChatIdentity, ChatRequest } from '../chat';

/** Bump when the cached entry format or the key material changes. */
export const CACHE_VERSION = 1;

export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function cacheKey(identity: ChatIdentity, request: ChatRequest): string {
  const material = { v: CACHE_VERSION, identity, messages: request.messages, json: request.json };
  return createHash('sha256').update(canonical(material)).digest('hex');
}

export function embeddingKey(identity: ChatIdentity, text: string): string {
  return createHash('sha256')
    .update(canonical({ v: CACHE_VERSION, identity, embed: text }))
    .digest('hex');
}

/** A whole retrieval (query and documents, in order): where its embeddings failure is recorded. */
export function retrievalKey(identity: ChatIdentity, texts: string[]): string {
  return createHash('sha256')
    .update(canonical({ v: CACHE_VERSION, identity, retrieve: texts }))
    .digest('hex');
}
