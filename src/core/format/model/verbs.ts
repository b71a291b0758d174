// The platform verbs an action may declare (issue 34's feeds), as the one table every layer reads.
// The language types, reads, checks, completes and hovers a verb's value from what the table says
// it names; whoever must say something of each verb (the engine's apply, the prompt's wording, the
// offline model's weighing, the trace's record) keys a Record by VerbKey, so a key added to
// VERB_KEYS makes the compiler name every place that needs the new verb. The schema's action keys
// are checked against it (test/unit/architecture/phases.test.ts, test/unit/format/verbs.test.ts).

/** The verbs, in the order the engine applies them (a post before a like: both may set `toward`). */
export const VERB_KEYS = ['post', 'reply_to', 'like', 'follow', 'ties'] as const;
export type VerbKey = (typeof VERB_KEYS)[number];

/**
 * What a verb's value names: a declared feed (`feed`), one of the action's post arguments (`post`),
 * one of its agent or post arguments (`party`: the agent, or the post's author), or a mapping of
 * its agent or post arguments to tie changes (`deltas`).
 */
export type VerbTarget = 'feed' | 'post' | 'party' | 'deltas';

export interface Verb {
  readonly names: VerbTarget;
  /** A verb that only qualifies another: the verb it needs, why, and what to add (SOC070 says so). */
  readonly needs?: { readonly verb: VerbKey; readonly because: string; readonly add: string };
}

export const VERB_SPECS = {
  /** The agent writes a post on this feed (its model writes the text). */
  post: { names: 'feed' },
  /** With `post`: the post argument it replies to. */
  reply_to: { names: 'post', needs: { verb: 'post', because: 'a reply is a post', add: 'the feed the reply goes on' } },
  /** A post argument the agent likes. */
  like: { names: 'post' },
  /** An agent or post argument whose agent (the post's author) the agent follows. */
  follow: { names: 'party' },
  /** The actor's tie to the agent an argument names (a post argument: its author) changes by this much. */
  ties: { names: 'deltas' },
} as const satisfies Record<VerbKey, Verb>;

type ValueOf<T> = T extends 'deltas' ? Record<string, number> : T extends VerbTarget ? string : never;
type TargetOf<K extends VerbKey> = K extends keyof typeof VERB_SPECS ? (typeof VERB_SPECS)[K]['names'] : never;

/** An action's verbs as the language holds them: a name for most, argument → tie change for `ties`. */
export type VerbFields = { [K in VerbKey]?: ValueOf<TargetOf<K>> };

/** One verb an action declares, with its value typed by what it names. */
export type DeclaredVerb =
  | { key: VerbKey; names: Exclude<VerbTarget, 'deltas'>; value: string }
  | { key: VerbKey; names: 'deltas'; value: Record<string, number> };

export function isVerbKey(x: unknown): x is VerbKey {
  return (VERB_KEYS as readonly unknown[]).includes(x);
}

/** The verb `key`'s entry (undefined only while a key has none yet, which the compiler reports above). */
export function verbSpec(key: VerbKey): Verb | undefined {
  return (VERB_SPECS as Partial<Record<VerbKey, Verb>>)[key];
}

/** What the value of the action field `field` names, or undefined when `field` is no verb. */
export function verbTarget(field: unknown): VerbTarget | undefined {
  return isVerbKey(field) ? verbSpec(field)?.names : undefined;
}

/** The verbs an action declares, in the table's order. */
export function declaredVerbs(a: VerbFields): DeclaredVerb[] {
  return VERB_KEYS.filter((key) => a[key] !== undefined).map(
    (key) => ({ key, names: verbTarget(key)!, value: a[key] }) as DeclaredVerb,
  );
}
