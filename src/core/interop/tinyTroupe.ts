// TinyTroupe agent specifications → foreign agents. Three shapes occur in the wild:
//   {"type": "TinyPerson", "persona": {...}}                      (current `*.agent.json`)
//   {"json_serializable_class_name": "TinyPerson", "_configuration": {...}}   (older save_spec)
//   {"type": "Fragment", "persona": {...}}                        (`*.fragment.json`)
// Fragments in the same import are merged into every agent (lists extended, the agent's own
// scalars kept), as TinyTroupe's fragment import extends a persona.
import { TRAIT_NAMES } from '../format';
import { AgentBuilder, IMPORTANCE, fieldLabel, textList, textOf } from './agentBuilder';
import { describesBeyondLevel } from './bigFiveLevels';
import type { ForeignAgent } from './foreignAgent';
import { parseSourceJson, type SourceText } from './sourceText';
import type { WarningBook } from './warningBook';
import { INITIAL_TIE } from './initialTie';

type Json = Record<string, unknown>;

/** A described relationship starts as a tie (initialTie.ts says how long it lasts untended). */
export const RELATIONSHIP_TIE = INITIAL_TIE;

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

interface Spec {
  kind: 'person' | 'fragment';
  persona: Json;
}

/** Top-level keys of a spec that are its envelope rather than the person. */
const ENVELOPE = new Set([
  'type',
  'persona',
  'json_serializable_class_name',
  '_configuration',
  'name',
  '_mental_faculties',
]);

/** The specs one parsed file holds (a spec, or a list of them); unknown shapes are reported. */
function specsOf(value: unknown, file: string, warnings: WarningBook): Spec[] {
  if (Array.isArray(value)) return value.flatMap((v) => specsOf(v, file, warnings));
  if (!isObject(value)) {
    warnings.add(file, 'not a TinyTroupe agent or fragment (expected a JSON object): skipped');
    return [];
  }
  if (isObject(value.persona) || isObject(value._configuration)) {
    for (const key of Object.keys(value)) {
      if (!ENVELOPE.has(key)) warnings.add(file, `top-level '${key}' is not part of the persona: not imported`);
    }
  }
  if (value.type === 'Fragment' && isObject(value.persona)) return [{ kind: 'fragment', persona: value.persona }];
  if (isObject(value.persona)) return [{ kind: 'person', persona: value.persona }];
  if (isObject(value._configuration)) {
    if (Array.isArray(value._mental_faculties) && value._mental_faculties.length) {
      warnings.add(file, "'_mental_faculties' (tools and recall faculties) has no persona field: not imported");
    }
    return [{ kind: 'person', persona: { name: value.name, ...value._configuration } }];
  }
  if (typeof value.name === 'string') return [{ kind: 'person', persona: value }];
  warnings.add(file, 'not a TinyTroupe agent or fragment (no "persona" or "_configuration"): skipped');
  return [];
}

/**
 * Deep merge of a fragment into a persona: objects merge, lists extend, the persona's scalars
 * win; `conflict` hears the path of each fragment value that lost.
 */
export function mergeFragment(
  persona: Json,
  fragment: Json,
  conflict: (path: string) => void = () => {},
  at = '',
): Json {
  const out: Json = { ...persona };
  for (const [key, value] of Object.entries(fragment)) {
    const own = out[key];
    const path = at ? `${at}.${key}` : key;
    if (own === undefined || own === null) out[key] = value;
    else if (isObject(own) && isObject(value)) out[key] = mergeFragment(own, value, conflict, path);
    else if (Array.isArray(own) && Array.isArray(value)) {
      const seen = new Set(own.map((v) => JSON.stringify(v)));
      out[key] = [...own, ...value.filter((v) => !seen.has(JSON.stringify(v)))];
    } else if (JSON.stringify(own) !== JSON.stringify(value)) conflict(path);
  }
  return out;
}

function occupationText(value: unknown): string | undefined {
  if (!isObject(value)) return textOf(value);
  const title = textOf(value.title);
  const organization = textOf(value.organization);
  return title && organization ? `${title} at ${organization}` : (title ?? organization);
}

/** `occupation`: a title (at an organization) or a text; its description is work bio. */
function mapOccupation(b: AgentBuilder, v: unknown): void {
  const text = occupationText(v);
  if (text) b.persona.occupation = text;
  if (!isObject(v)) {
    if (!text) b.keep('occupation', v);
    return;
  }
  b.text('bio', v.description, 'occupation.description', 'Work');
  for (const [k, rest] of Object.entries(v)) {
    const carried = (k === 'title' || k === 'organization') && textOf(rest) !== undefined;
    if (!carried && k !== 'description') b.keep(`occupation.${k}`, rest);
  }
}

/** `personality`: traits as memories, `big_five` levels as traits (and any words after a level as memories). */
function mapPersonality(b: AgentBuilder, v: unknown): void {
  if (!isObject(v)) {
    b.memories('Personality', v, IMPORTANCE.personality);
    return;
  }
  b.memories('Personality', v.traits, IMPORTANCE.personality);
  if (isObject(v.big_five)) {
    for (const [k, level] of Object.entries(v.big_five)) {
      const trait = TRAIT_NAMES.find((t) => t === k.toLowerCase());
      if (!trait) {
        b.keep(`personality.big_five.${k}`, level);
        continue;
      }
      b.trait(trait, level, `personality.big_five.${k}`);
      // "High. Very imaginative and curious." — the words after the level describe the person.
      if (typeof level === 'string' && describesBeyondLevel(level)) {
        b.memories(`Personality (${trait})`, level, IMPORTANCE.personality);
      }
    }
  } else if (v.big_five !== undefined) b.keep('personality.big_five', v.big_five);
  for (const [k, rest] of Object.entries(v)) if (k !== 'traits' && k !== 'big_five') b.keep(`personality.${k}`, rest);
}

/** `preferences`: interests, likes and dislikes. */
function mapPreferences(b: AgentBuilder, v: unknown): void {
  if (!isObject(v)) {
    b.interests(v);
    return;
  }
  b.interests(v.interests);
  b.memories('Likes', v.likes, IMPORTANCE.preference);
  b.memories('Dislikes', v.dislikes, IMPORTANCE.preference);
  for (const [k, rest] of Object.entries(v)) {
    if (!['interests', 'likes', 'dislikes'].includes(k)) b.keep(`preferences.${k}`, rest);
  }
}

/** `behaviors`: habits, and routines by time of day. */
function mapBehaviors(b: AgentBuilder, v: unknown): void {
  if (!isObject(v)) {
    b.memories('Habit', v, IMPORTANCE.routine);
    return;
  }
  for (const [k, rest] of Object.entries(v)) {
    if (k === 'routines' && isObject(rest)) {
      for (const [when, steps] of Object.entries(rest)) {
        b.memories(`${when.charAt(0).toUpperCase()}${when.slice(1)} routine`, steps, IMPORTANCE.routine);
      }
    } else b.memories(k === 'general' ? 'Habit' : `Habit (${k})`, rest, IMPORTANCE.routine);
  }
}

/** `relationships`: a tie (with a note) to each person named. */
function mapRelationships(b: AgentBuilder, v: unknown): void {
  for (const r of Array.isArray(v) ? v : [v]) {
    const other = isObject(r) ? textOf(r.name) : textOf(r);
    if (!other) {
      b.keep('relationships', r);
      continue;
    }
    const note = isObject(r) ? textList(r.description).join(' ') || undefined : undefined;
    b.link({ to: { name: other }, tie: RELATIONSHIP_TIE, ...(note ? { note } : {}) });
    // A tie holds only a note; anything else said about the person is theirs to remember.
    if (isObject(r)) {
      for (const [k, rest] of Object.entries(r)) {
        if (k !== 'name' && k !== 'description') {
          b.keep(`relationships.${k}`, rest, `${other}, ${fieldLabel(k).toLowerCase()}`);
        }
      }
    }
  }
}

function mapPerson(persona: Json, file: string, warnings: WarningBook): ForeignAgent | undefined {
  const name = textOf(persona.name);
  if (!name) {
    warnings.add(file, 'an agent without a name: skipped');
    return undefined;
  }
  const b = new AgentBuilder(file, name, warnings);
  const handled = new Set(['name']);
  const take = (key: string, map: (value: unknown) => void): void => {
    handled.add(key);
    if (persona[key] !== undefined && persona[key] !== null) map(persona[key]);
  };

  take('age', (v) => b.age(v));
  take('gender', (v) => b.text('gender', v, 'gender'));
  take('residence', (v) => b.text('location', v, 'residence'));
  take('country_of_residence', (v) => b.text('location', v, 'country_of_residence'));
  take('current_location', (v) => b.text('location', v, 'current_location', 'Currently in'));
  take('nationality', (v) => b.memories('Nationality', v, IMPORTANCE.profile));
  take('style', (v) => b.text('style', v, 'style'));
  take('occupation', (v) => mapOccupation(b, v));
  take('occupation_description', (v) => b.text('bio', v, 'occupation_description', 'Work'));
  take('education', (v) => b.memories('Education', v, IMPORTANCE.fact));
  take('long_term_goals', (v) => b.memories('Long-term goal', v, IMPORTANCE.goal));
  take('personality', (v) => mapPersonality(b, v));
  take('personality_traits', (v) => b.memories('Personality', v, IMPORTANCE.personality));
  take('preferences', (v) => mapPreferences(b, v));
  take('professional_interests', (v) => b.interests(v));
  take('personal_interests', (v) => b.interests(v));
  take('interests', (v) => b.interests(v));
  take('skills', (v) => b.memories('Skill', v, IMPORTANCE.skill));
  take('beliefs', (v) => b.memories('Belief', v, IMPORTANCE.belief));
  take('behaviors', (v) => mapBehaviors(b, v));
  take('routines', (v) => b.memories('Routine', v, IMPORTANCE.routine));
  take('health', (v) => b.memories('Health', v, IMPORTANCE.fact));
  take('other_facts', (v) => b.memories(undefined, v, IMPORTANCE.fact));
  take('current_emotions', (v) => b.memories('Feeling', v, IMPORTANCE.fact));
  take('current_goals', (v) => b.memories('Current goal', v, IMPORTANCE.goal));
  take('relationships', (v) => mapRelationships(b, v));
  for (const [key, value] of Object.entries(persona)) if (!handled.has(key)) b.keep(key, value);
  return b.build([]);
}

/** Reads TinyTroupe agent and fragment files; fragments apply to every agent of the import. */
export function readTinyTroupe(sources: SourceText[], warnings: WarningBook): ForeignAgent[] {
  const people: { file: string; persona: Json }[] = [];
  const fragments: { file: string; persona: Json }[] = [];
  for (const { file, text } of sources) {
    let value: unknown;
    try {
      value = parseSourceJson(text);
    } catch (err) {
      warnings.add(file, `not JSON (${err instanceof Error ? err.message : String(err)}): skipped`);
      continue;
    }
    for (const spec of specsOf(value, file, warnings)) {
      (spec.kind === 'person' ? people : fragments).push({ file, persona: spec.persona });
    }
  }
  if (fragments.length && !people.length) {
    for (const f of fragments) warnings.add(f.file, 'a fragment with no agent to apply it to: skipped');
  }
  for (const f of fragments) {
    if (people.length) warnings.add(f.file, `fragment merged into all ${people.length} imported agents`);
  }
  return people.flatMap(({ file, persona }) => {
    const merged = fragments.reduce(
      (p, f) =>
        mergeFragment(p, f.persona, (path) => {
          warnings.add(
            f.file,
            `fragment's '${path}' differs from the agent's own: the agent's kept`,
            textOf(persona.name),
          );
        }),
      persona,
    );
    return mapPerson(merged, file, warnings) ?? [];
  });
}
