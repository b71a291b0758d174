// How much of a model's answer is read: an HTTP body past this many bytes fails its call (a
// `bad_response` fault naming the cap), so no endpoint can make a run hold more than
// concurrency × cap of answers. A chat answer is kilobytes; the largest honest body is a batch of
// 64 embeddings of 3072 dimensions, about 4 MB of JSON.

/** The default cap in MB; SOCIETY_MAX_ANSWER_MB in the environment overrides it. */
export const DEFAULT_MAX_ANSWER_MB = 8;

export function maxAnswerBytes(env: Record<string, string | undefined> = process.env): number {
  const mb = Number(env.SOCIETY_MAX_ANSWER_MB);
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_ANSWER_MB) * 1024 * 1024);
}

export class AnswerTooLargeError extends Error {
  override readonly name = 'AnswerTooLargeError';
  constructor(
    readonly capBytes: number,
    host: string,
  ) {
    super(
      `the answer from ${host} is larger than ${+(capBytes / 1024 / 1024).toFixed(2)} MB and was not read (SOCIETY_MAX_ANSWER_MB raises the cap)`,
    );
  }
}
