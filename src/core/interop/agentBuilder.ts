// Builds one ForeignAgent field by field. Every source value either lands in a persona field,
// becomes a labelled seed memory, or is reported: nothing is dropped without a warning.
import type { TraitName } from '../format';
import type { ForeignAgent, ForeignLink, SeedMemoryDraft } from './foreignAgent';
import { traitLevel } from './bigFiveLevels';
import type { WarningBook } from './warningBook';

/** Importance of seed memories by what they hold (Generative Agents' 1..10 poignancy). */
export const IMPORTANCE = {
  belief: 7,
  goal: 7,
  personality: 6,
  relationship: 5,
  fact: 5,
  profile: 5,
  skill: 4,
  preference: 4,
  post: 4,
  routine: 3,
  other: 3,
} as const;

/** A non-empty trimmed string from a string or number; undefined otherwise. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text ? text : undefined;
}

/**
 * The texts in a value, in order: a string is a list of one; lists and objects (like TinyTroupe's
 * older `[{"trait": "..."}]`) are searched all the way down.
 */
export function textList(value: unknown): string[] {
  const text = textOf(value);
  if (text !== undefined) return [text];
  if (Array.isArray(value)) return value.flatMap(textList);
  if (value && typeof value === 'object') return Object.values(value).flatMap(textList);
  return [];
}

/** Interests compare as exact strings, so they are normalised: words lower-cased unless they are acronyms or camel-cased ("AI safety", "GPUs"), trailing punctuation dropped. */
export function interestLabel(text: string): string {
  const words =
    text
      .trim()
      .replace(/[.;,!]+$/, '')
      .trim() || text.trim();
  return words
    .split(/\s+/)
    .map((w) => (/^.[^A-Z]*$/.test(w) ? w.toLowerCase() : w))
    .join(' ');
}

/** "long_term_goals" → "Long term goals". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.every(isEmpty);
  if (typeof value === 'object') return Object.values(value as object).every(isEmpty);
  return false;
}

export class AgentBuilder {
  readonly persona: ForeignAgent['persona'];
  readonly links: ForeignLink[] = [];
  private readonly memoryTexts = new Set<string>();

  constructor(
    readonly file: string,
    name: string,
    private readonly warnings: WarningBook,
  ) {
    this.persona = { name };
  }

  get name(): string {
    return this.persona.name;
  }

  warn(message: string): void {
    this.warnings.add(this.file, message, this.name);
  }

  /**
   * Sets a string field from the source's `source` key. When the field is already set the value
   * becomes a memory labelled `label`; a value that is not text goes to keep().
   */
  text(
    field: 'gender' | 'occupation' | 'location' | 'bio' | 'style' | 'group',
    value: unknown,
    source: string,
    label = fieldLabel(source),
  ): void {
    if (isEmpty(value)) return;
    const text = textOf(value);
    if (text === undefined) this.keep(source, value, label);
    else if (this.persona[field] === undefined) this.persona[field] = text;
    else if (this.persona[field] !== text) this.memories(label, text, IMPORTANCE.fact);
  }

  age(value: unknown, source = 'age'): void {
    if (isEmpty(value)) return;
    const age = typeof value === 'number' ? value : Number(textOf(value));
    if (Number.isInteger(age) && age >= 0 && age <= 130) this.persona.age = age;
    else this.warn(`${source} '${String(value)}' is not a whole number of years 0..130: not mapped`);
  }

  trait(trait: TraitName, value: unknown, source: string): void {
    if (isEmpty(value)) return;
    const level = traitLevel(value);
    if (level === undefined) {
      this.warn(`${source} '${String(value)}' names no level (low/medium/high or a number): trait left at its default`);
      return;
    }
    (this.persona.traits ??= {})[trait] = level;
  }

  traits(traits: Partial<Record<TraitName, number>>): void {
    this.persona.traits = { ...this.persona.traits, ...traits };
  }

  interests(values: unknown): void {
    const list = (this.persona.interests ??= []);
    for (const text of textList(values)) {
      const label = interestLabel(text);
      if (label && !list.includes(label)) list.push(label);
    }
  }

  /** One seed memory per string of `values`, prefixed with `label` ("Belief: ..."). */
  memories(label: string | undefined, values: unknown, importance: number): void {
    for (const text of textList(values)) {
      const memory: SeedMemoryDraft = { text: label ? `${label}: ${text}` : text, importance };
      if (this.memoryTexts.has(memory.text)) continue;
      this.memoryTexts.add(memory.text);
      (this.persona.memories ??= []).push(memory);
    }
  }

  /**
   * A field no persona key takes: its text (nested objects flattened, labelled by path) becomes
   * seed memories, and the file's report says so; values without text are reported as dropped.
   */
  keep(key: string, value: unknown, label = fieldLabel(key)): void {
    if (isEmpty(value)) return;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) {
        this.keep(`${key}.${k}`, v, `${label}, ${fieldLabel(k).toLowerCase()}`);
      }
      return;
    }
    const texts = textList(value);
    if (texts.length) {
      this.memories(label, texts, IMPORTANCE.other);
      this.warnings.add(this.file, `'${key}' has no persona field: kept as seed memories`, this.name);
    } else {
      this.warnings.add(
        this.file,
        `'${key}' (${JSON.stringify(value).slice(0, 60)}) has no persona field: not imported`,
        this.name,
      );
    }
  }

  link(link: ForeignLink): void {
    this.links.push(link);
  }

  build(idHints: string[], key?: string): ForeignAgent {
    return {
      file: this.file,
      ...(key !== undefined ? { key } : {}),
      idHints: [...idHints, this.name],
      persona: this.persona,
      links: this.links,
    };
  }
}
