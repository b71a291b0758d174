// An answer that echoes its shape back is not an answer: a small model wrote "<why>" as its
// rating's reason and "{YourMessage}" as its line (issue 86), and both were taken as text. A string
// of the answer that is only a placeholder — wrapped in <…> or {…}, or the very words of the
// answer's shape (RESPONSE_FORMATS) or of its schema's descriptions — fails the parse, so the
// model is re-asked, and a second echo fails the decision, as any unusable answer does.
import { RESPONSE_FORMATS, type DecisionRequest } from '../types';
import { responseSchema } from './schemas';

/** `<your message>`, `{YourMessage}`, `{{text}}`: a short placeholder and nothing else. */
const WRAPPED = /^(?:<[^<>]{1,60}>|\{\{?[^{}]{1,60}\}?\})$/;

/**
 * The words a kind's answer shape and schema put where an answer goes, lower case, less the values
 * its enums allow (an action described by its own name is still that action).
 */
function shapeWords(req: DecisionRequest): { words: Set<string>; allowed: Set<string> } {
  const words = new Set<string>(),
    allowed = new Set<string>();
  for (const m of RESPONSE_FORMATS[req.kind].matchAll(/<([^<>]+)>/g)) words.add(m[1].trim().toLowerCase());
  const walk = (s: unknown): void => {
    if (Array.isArray(s)) return s.forEach(walk);
    if (!s || typeof s !== 'object') return;
    for (const [k, v] of Object.entries(s)) {
      if (k === 'description' && typeof v === 'string') words.add(v.trim().toLowerCase());
      else if (k === 'enum' && Array.isArray(v)) for (const x of v) allowed.add(String(x).trim().toLowerCase());
      else if (k === 'const') allowed.add(String(v).trim().toLowerCase());
      else walk(v);
    }
  };
  walk(responseSchema(req, true));
  return { words, allowed };
}

/** Why the answer is an echo of its shape (the field and what it holds), or undefined. */
export function echoedPlaceholder(req: DecisionRequest, answer: Record<string, unknown>): string | undefined {
  let shape: ReturnType<typeof shapeWords> | undefined;
  const found = (x: unknown, at: string): string | undefined => {
    if (typeof x === 'string') {
      const t = x.trim();
      if (t.length > 80 || !(WRAPPED.test(t) ? /[a-z]/i.test(t) : true)) return undefined;
      shape ??= shapeWords(req);
      const lower = t.toLowerCase();
      if (shape.allowed.has(lower)) return undefined;
      return WRAPPED.test(t) || shape.words.has(lower) ? at : undefined;
    }
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        const f = found(x[i], `${at}[${i}]`);
        if (f) return f;
      }
    } else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        const f = found(v, at ? `${at}.${k}` : k);
        if (f) return f;
      }
    }
    return undefined;
  };
  const at = found(answer, '');
  if (at === undefined) return undefined;
  const value = at
    .split(/[.[]/)
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k.replace(']', '')], answer);
  return `"${at}" is ${JSON.stringify(value)}, a placeholder from the answer's shape, not an answer: write it in your own words`;
}
