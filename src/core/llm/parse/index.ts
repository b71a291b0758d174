// Answer parsing: extract JSON tolerantly, then validate it as the request's response.
import type { DecisionRequest } from '../types';
import { extractJson } from './extract';
import { validateResponse, type Validated } from './validate';

export { extractJson } from './extract';
export { validateResponse } from './validate';
export { responseSchema } from './schemas';

export type Parsed<K extends DecisionRequest['kind']> = Validated<K> & { repairs?: string[] };

export function parseAnswer<R extends DecisionRequest>(req: R, answer: string): Parsed<R['kind']> {
  const extracted = extractJson(answer);
  if (!extracted.ok) return extracted;
  const validated = validateResponse(req, extracted.value);
  return validated.ok ? { ...validated, repairs: [...extracted.repairs, ...validated.repairs] } : validated;
}
