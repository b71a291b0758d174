// Persona documents and an including scenario as `.society` text, serialised with the yaml
// package (which quotes whatever needs quoting), in the layout of examples/friends: one file per
// persona under personas/, and a scenario that includes `personas/*.society`.
import { Document } from 'yaml';
import type { PersonaDraft } from './foreignAgent';
import { nameRecord } from '../text/nameRecord';

/** Keys in the order the schema (and docs/format.md) lists them. */
const PERSONA_KEYS: (keyof PersonaDraft)[] = [
  'kind',
  'id',
  'name',
  'age',
  'gender',
  'occupation',
  'location',
  'bio',
  'style',
  'group',
  'traits',
  'interests',
  'motivations',
  'memories',
  'relationships',
];
const TRAIT_ORDER = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'];

export const PERSONAS_FOLDER = 'personas';

/** Text safe in a one-line YAML comment. */
function commentText(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ');
}

function ordered(persona: PersonaDraft): Record<string, unknown> {
  const out: Record<string, unknown> = nameRecord();
  for (const key of PERSONA_KEYS) {
    const value = persona[key];
    if (value === undefined) continue;
    out[key] =
      key === 'traits'
        ? Object.fromEntries(
            TRAIT_ORDER.filter((t) => t in (value as object)).map((t) => [t, (value as Record<string, number>)[t]]),
          )
        : value;
  }
  return out;
}

function render(value: unknown, comment: string): string {
  const doc = new Document(value);
  doc.commentBefore = ` ${commentText(comment)}`;
  // Short maps (traits, memories) inline like the hand-written examples; long text folds.
  return doc.toString({ lineWidth: 100, minContentWidth: 40 });
}

/** One persona document; `origin` says where it came from (a comment at the top). */
export function personaFileText(persona: PersonaDraft, origin: string): string {
  return render(ordered(persona), origin);
}

export function personaFileName(persona: PersonaDraft): string {
  return `${PERSONAS_FOLDER}/${persona.id}.society`;
}

/** A runnable scenario on the offline model that includes every imported persona. */
export function scenarioFileText(name: string, description: string): string {
  return render(
    {
      kind: 'scenario',
      name,
      description,
      seed: 1,
      personas: [{ include: `${PERSONAS_FOLDER}/*.society` }],
      world: {
        rounds: 20,
        encounters: { mode: 'recommend', per_round: 1, exploration: 0.2 },
        conversation: { turns: 4 },
      },
      coaching: { enabled: true, every: 1 },
      models: { default: { provider: 'offline' } },
    },
    `${name}: personas imported by \`society import\`. Run it with \`society run\` on this file.`,
  );
}
