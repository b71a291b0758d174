// The places a place argument may name, one answer for the prompt, the structured-output schema
// and the answer's check, so the three never disagree (issue 58).
import type { ActRequest } from './types';

/** With a `where`, the places meeting it (`among`, in declared order); else every declared one. */
export function placesFor(
  req: Pick<ActRequest, 'places'>,
  arg: { among?: readonly string[] },
): NonNullable<ActRequest['places']> {
  const all = req.places ?? [];
  return arg.among ? all.filter((p) => arg.among!.includes(p.id)) : all;
}
