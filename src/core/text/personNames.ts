// How people read wherever a person reads them: by their persona's name, never their id. The id is
// the author's key (`t14`), the name is the person (`Abigail Chen`); ids stay in tooltips and
// searches, where they help find the persona in its file. Each name is isolated (isolated.ts), so a
// name carrying a right-to-left override cannot reverse the text after it.
import { isolated } from './isolated';

/** An agent's persona name, or undefined for an id that names no agent. */
export type NameLookup = (id: string) => string | undefined;

/**
 * How a change's target reads: an agent's quantity as its owner's (`t14.place` → `Abigail Chen's
 * place`); the world's as written (`world.pot`, what expressions and Variables call it); a target
 * whose owner names no agent as it is.
 */
export function quantityOf(target: string, nameOf: NameLookup): string {
  const dot = target.indexOf('.');
  if (dot <= 0) return target;
  const owner = target.slice(0, dot);
  const name = owner === 'world' ? undefined : nameOf(owner);
  // `'s` after any name (`James's`), after the isolate's close when the name is isolated.
  return name === undefined ? target : `${isolated(name)}'s ${target.slice(dot + 1)}`;
}

/** A person with their id, for tooltips and pickers: `Abigail Chen (t14)`; the id alone when the name is it. */
export function nameWithId(id: string, name: string | undefined): string {
  return name === undefined || name === id ? id : `${isolated(name)} (${id})`;
}

/**
 * Labels for a list of people: the name, with the id after it only where another of them has the
 * same name (a population's two "Ryan 3"s would otherwise be one entry twice).
 */
export function distinctLabels(ids: readonly string[], nameOf: NameLookup): Map<string, string> {
  const count = new Map<string, number>();
  for (const id of ids) {
    const name = nameOf(id) ?? id;
    count.set(name, (count.get(name) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const id of ids) {
    const name = nameOf(id) ?? id;
    out.set(id, (count.get(name) ?? 0) > 1 ? nameWithId(id, name) : isolated(name));
  }
  return out;
}
