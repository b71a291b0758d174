// Relationships of personas: with someone twice (SOC056), with itself (SOC022), with an id
// nobody has (SOC021).
import { type Obj, isObj, list, mk } from './checkKit';
import type { CheckContext } from './checkContext';

/** References from personas: relationships (SOC021, SOC022, SOC056). */
export function relationshipsCheck(ctx: CheckContext): void {
  const { personas, out, refCheck } = ctx;
  // References from personas: relationships.
  for (const p of personas) {
    if (!isObj(p.raw)) continue;
    const related = new Set<string>();
    list(p.raw.relationships).forEach((r, i) => {
      if (!isObj(r)) return;
      const path = [...p.site.path, 'relationships', i, 'with'];
      // Two entries for one person: the run would keep the last and drop the first's tie and note.
      if (typeof r.with === 'string' && related.has(r.with)) {
        out.push(
          mk(
            'SOC056',
            'error',
            `Persona '${String((p.raw as Obj).id)}' lists a relationship with '${r.with}' twice (one entry per person: the run would keep only the last)`,
            p.site.at.file.file,
            p.site.at.valueRange(path),
          ),
        );
        return;
      }
      if (typeof r.with === 'string') related.add(r.with);
      if (typeof r.with === 'string' && r.with === (p.raw as Obj).id) {
        out.push(
          mk(
            'SOC022',
            'warning',
            `Persona '${r.with}' has a relationship with itself`,
            p.site.at.file.file,
            p.site.at.valueRange(path),
          ),
        );
      } else {
        refCheck(r.with, p.site.at, path, 'relationship');
      }
    });
  }
}
