// Persona ids from foreign names and handles: slugs that match the schema's id pattern
// (^[a-z][a-z0-9_-]*$) and are unique within one import.

const MAX_LENGTH = 40;

/** "Clément Delangue" → "clement_delangue", "GPU_Overlord" → "gpu_overlord", "42" → "p_42"; "" when nothing is left. */
export function slugId(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  let slug = ascii
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/_+$/, '');
  if (!slug) return '';
  if (!/^[a-z]/.test(slug)) slug = `p_${slug}`;
  return slug;
}

/**
 * Ids the schema allows but the analysis layer cannot hold: graphology 0.26 keeps neighbours in
 * plain objects, so a node called "constructor" seems linked to everyone and `society report`
 * fails. An imported agent of that name gets "constructor_2".
 */
const RESERVED = ['constructor'];

/** Hands out unique ids: the second "maya_chen" becomes "maya_chen_2". */
export class PersonaIdAllocator {
  private readonly taken = new Set<string>(RESERVED);

  /** The first hint that leaves a slug wins ("<&>" as a handle falls back to the name). */
  allocate(...hints: string[]): string {
    const base = hints.map(slugId).find((s) => s) ?? 'persona';
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    return id;
  }
}
