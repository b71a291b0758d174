// A persona at a glance, for hovers and completion docs: name, occupation, the five drivers.
import { DRIVERS } from '../model/model';

export interface PersonaSummary {
  id: string;
  name?: string;
  occupation?: string;
  age?: number;
  location?: string;
  motivations?: Record<string, number>;
  interests?: string[];
  /** The file defining it, shown relative to the workspace. */
  file?: string;
}

export function summarizePersona(id: string, value: unknown, file?: string): PersonaSummary {
  const v = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const s: PersonaSummary = { id };
  if (typeof v.name === 'string') s.name = v.name;
  if (typeof v.occupation === 'string') s.occupation = v.occupation;
  if (typeof v.age === 'number') s.age = v.age;
  if (typeof v.location === 'string') s.location = v.location;
  if (v.motivations && typeof v.motivations === 'object') {
    s.motivations = Object.fromEntries(
      Object.entries(v.motivations).filter(([, x]) => typeof x === 'number'),
    ) as Record<string, number>;
  }
  if (Array.isArray(v.interests)) s.interests = v.interests.filter((x): x is string => typeof x === 'string');
  if (file) s.file = file;
  return s;
}

/** Markdown card. Motivations not written show the schema default, marked as such. */
export function personaCard(p: PersonaSummary): string {
  const out = [`**${escape(p.name ?? p.id)}** · \`${p.id}\``];
  const facts = [p.occupation, p.age !== undefined ? `${p.age}` : undefined, p.location]
    .filter(Boolean)
    .map((s) => escape(String(s)));
  if (facts.length) out.push(facts.join(' · '));
  if (p.motivations) {
    // Named as the file writes them (`support`, not the paper's EMO, which read as "emotion").
    const weights = DRIVERS.map(
      (d) => `${d} ${p.motivations![d] !== undefined ? p.motivations![d].toFixed(2) : '0.50*'}`,
    );
    out.push(`Motivations: ${weights.join(' · ')}`);
  }
  if (p.interests?.length) out.push(`Interests: ${p.interests.map(escape).join(', ')}`);
  if (p.file) out.push(`*${escape(p.file)}*`);
  return out.join('\n\n');
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);
}
