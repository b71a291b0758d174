// "Nothing is dropped silently": every piece of text in a source agent must show up in its
// imported persona or be named by a warning about that agent (or its file).
import assert from 'node:assert/strict';
import type { ImportResult, PersonaDraft } from '../../../src/core/interop';
import { slugId } from '../../../src/core/interop/personaIds';

/** Every non-empty string and number leaf of a JSON value, with its dotted path (list indices left out). */
export function leaves(value: unknown, key = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return value.trim() ? [{ key, text: value.trim() }] : [];
  if (typeof value === 'number') return [{ key, text: String(value) }];
  if (Array.isArray(value)) return value.flatMap((v) => leaves(v, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, key ? `${key}.${k}` : k));
  }
  return [];
}

/** Asserts each leaf appears in the persona (any field, case-insensitively) or in a warning that names its top-level key; `ignore` lists path prefixes checked elsewhere. */
export function assertAccountedFor(
  result: ImportResult,
  persona: PersonaDraft,
  source: Record<string, unknown>,
  ignore: string[] = [],
): void {
  const carried = JSON.stringify(persona).toLowerCase();
  const warned = result.warnings
    .filter((w) => w.agents.length === 0 || w.agents.includes(persona.name))
    .map((w) => w.message)
    .join('\n');
  for (const leaf of leaves(source)) {
    if (ignore.some((prefix) => leaf.key === prefix || leaf.key.startsWith(`${prefix}.`))) continue;
    // Interests are normalised: trailing punctuation dropped, spaces collapsed, most words lower-cased.
    const variants = [
      leaf.text.toLowerCase(),
      leaf.text
        .toLowerCase()
        .replace(/[.;,!]+$/, '')
        .trim()
        .replace(/\s+/g, ' '),
    ].filter((v) => v);
    // A name that became a tie is there as the other persona's id.
    const asId =
      persona.relationships?.some((r) => r.with === slugId(leaf.text) || r.with.startsWith(`${slugId(leaf.text)}_`)) ??
      false;
    const inPersona = asId || variants.some((text) => carried.includes(JSON.stringify(text).slice(1, -1)));
    assert.ok(
      inPersona || warned.includes(leaf.key.split('.')[0]),
      `${persona.name}: '${leaf.key}' value ${JSON.stringify(leaf.text).slice(0, 80)} was dropped without a warning`,
    );
  }
}
