// What a reader makes of one agent from another simulator, before ids are allocated and links
// between agents are resolved: the persona fields it could map, and its links by the source's
// own handles (OASIS agent ids, TinyTroupe names).
import type { Driver, Persona, Relationship, SeedMemory, TraitName } from '../format';

/** A seed memory as written to a file: no source location (the file does not exist yet). */
export type SeedMemoryDraft = Omit<SeedMemory, 'source'>;

export type RelationshipDraft = Omit<Relationship, 'source'>;

/**
 * A persona document as it will be written to a `.society` file: the persona's own fields, with
 * only what the source gave (traits, interests and motivations may be partial or absent).
 */
export type PersonaDraft = { kind: 'persona' } & Pick<Persona, 'id' | 'name'> &
  Partial<Pick<Persona, 'age' | 'gender' | 'occupation' | 'location' | 'bio' | 'style' | 'group' | 'interests'>> & {
    traits?: Partial<Record<TraitName, number>>;
    motivations?: Partial<Record<Driver, number>>;
    memories?: SeedMemoryDraft[];
    relationships?: RelationshipDraft[];
  };

/** A link to another imported agent, named the way the source names it. */
export interface ForeignLink {
  /** The source's own agent key (OASIS agent id) or, failing that, a display name (TinyTroupe). */
  to: { key: string } | { name: string };
  tie: number;
  note?: string;
}

export interface ForeignAgent {
  /** File the agent came from, for warnings. */
  file: string;
  /** The source's own key for the agent, if it has one (OASIS: the agent id follow lists use). */
  key?: string;
  /** Which input of the import the agent was read from: keys resolve within it (one file may be given twice). */
  input?: number;
  /** Texts the persona id is made from, best first (a handle, then the name). */
  idHints: string[];
  persona: Omit<PersonaDraft, 'kind' | 'id' | 'relationships'>;
  links: ForeignLink[];
}

/** Something of the source that could not be carried over as it was. */
export interface ImportWarning {
  file: string;
  message: string;
  /** The agents concerned (by name), when it is about agents rather than the file. */
  agents: string[];
}

export interface ReadResult {
  agents: ForeignAgent[];
}
