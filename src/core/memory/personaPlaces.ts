// Where persona ids are written in a file — definitions (`id:`) and references — and, for a
// relationship's `with:`, whose relationship it is. CodeLens goes above definitions, hovers
// answer on both, and tie-strength inlay hints follow relationship references.
import {
  type Range,
  nodeAtPath,
  type PathSegment,
  personaSites,
  personaScope,
  type DocumentKind,
  tokenAt,
  type FileAnalysis,
} from '../format';
import type { Node } from 'yaml';

export interface PersonaPlace {
  id: string;
  kind: 'definition' | 'reference';
  range: Range;
  /** For a relationship reference: the id of the persona holding the relationship. */
  owner?: string;
  /** For a definition: the line where its persona mapping starts (where a CodeLens goes). */
  line?: number;
}

export function personaPlaces(analysis: FileAnalysis): PersonaPlace[] {
  return personaSites(analysis).map((site) => {
    const place: PersonaPlace = { id: site.id, kind: site.kind, range: site.range };
    if (site.kind === 'reference') {
      const owner = relationshipOwner(analysis, site.span[0]);
      if (owner) place.owner = owner;
    } else {
      place.line = mappingLine(analysis, site.span[0]) ?? site.range.start.line;
    }
    return place;
  });
}

function relationshipOwner(analysis: FileAnalysis, offset: number): string | undefined {
  const token = tokenAt(analysis.parsed, offset);
  if (!token) return undefined;
  const scope = personaScope(token.doc.kind as DocumentKind | undefined, token.path);
  if (!scope || scope.rest[0] !== 'relationships') return undefined;
  const id = valueAt(token.doc.value, [...scope.base, 'id']);
  return typeof id === 'string' ? id : undefined;
}

function mappingLine(analysis: FileAnalysis, offset: number): number | undefined {
  const token = tokenAt(analysis.parsed, offset);
  const scope = token && personaScope(token.doc.kind as DocumentKind | undefined, token.path);
  const start = scope && (nodeAtPath(token.doc.yaml, scope.base)?.value as Node | null | undefined)?.range?.[0];
  return start === undefined ? undefined : analysis.parsed.lines.range(start, start).start.line;
}

function valueAt(v: unknown, path: readonly PathSegment[]): unknown {
  for (const s of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}
