// An outcome or series as a reader says it, in the world's own names (issue 88): `world.contributed`
// is "contributed", `agents.coins.gini` "inequality of coins (Gini)". Pages show the label and keep
// the key beside it in small type (the files, claims and CLI name outcomes by key); a key this does
// not know (a network metric, a knowledge share) is its own label.
import { parseTimeOutcome } from '../../format';

const STATE = /^(world|agents)\.([A-Za-z_][A-Za-z0-9_]*)(?:\.(final|survival|mean|sd|gini))?$/;

function stateWords(key: string): string | undefined {
  const m = STATE.exec(key);
  if (!m) return undefined;
  const [, owner, q, part] = m;
  if (owner === 'world') {
    if (!part) return q;
    if (part === 'final') return `${q} at the end`;
    if (part === 'survival') return `rounds before ${q} first sat at its floor`;
    return undefined;
  }
  switch (part) {
    case 'mean':
      return `${q}, mean per agent`;
    case 'sd':
      return `${q}, spread between agents (SD)`;
    case 'gini':
      return `inequality of ${q} (Gini)`;
    default:
      return undefined;
  }
}

/** The reader's words for an outcome or series key; the key itself where there are none. */
export function outcomeLabel(key: string): string {
  const own = stateWords(key);
  if (own) return own;
  const t = parseTimeOutcome(key);
  if (t) {
    const series = stateWords(t.series) ?? t.series;
    if (t.kind === 'at') return t.round === 0 ? `${series} at the start` : `${series} after round ${t.round}`;
    return `first round ${series} ${t.kind === 'reaches' ? '≥' : '≤'} ${t.level}`;
  }
  return key;
}
