// Hover on the names a declared round and an action's platform fields refer to (issue 34, `round:`,
// `feeds:`): a phase's name shows what the phase does; a feed's name where it is used (a phase's
// `reads`, `post:`, a post argument's `feed:`) its rank mix; an action's name in a phase's `actions`
// its description; an argument a platform verb names (`reply_to`, `like`, `follow`, `ties`: what
// language/verbs.ts says each names) what it is.
import type { Locator } from '../syntax/locate';
import { readMechanics } from '../assemble/mechanicsSource';
import { readPhases } from '../assemble/roundSource';
import type { Mechanics } from '../model/mechanics';
import type { PathSegment } from '../syntax/parse';
import { verbTarget } from '../model/verbs';
import { argCard } from './mechanicsText';
import { feedCard, phaseCard } from './roundText';
import type { Token } from './tokenAt';
import type { Hover } from './types';

const isFeedUse = (p: readonly PathSegment[]): boolean =>
  (p[0] === 'round' && p.length === 4 && p[2] === 'reads') ||
  (p[0] === 'actions' &&
    ((p.length === 3 && verbTarget(p[2]) === 'feed') || (p.length === 5 && p[2] === 'args' && p[4] === 'feed')));

const isArgUse = (p: readonly PathSegment[], role: Token['role']): boolean => {
  const names = p[0] === 'actions' ? verbTarget(p[2]) : undefined;
  return (
    (role === 'value' && p.length === 3 && (names === 'post' || names === 'party')) ||
    (role === 'key' && p.length === 4 && names === 'deltas')
  );
};

export function roundHover(token: Token, at: Locator | undefined): Hover | undefined {
  if (token.doc.kind !== 'scenario' || !at) return undefined;
  const { path, role, range } = token;
  const name = typeof token.value === 'string' ? token.value : undefined;
  if (name === undefined) return undefined;
  const m = (): Mechanics | undefined => readMechanics(token.doc.value, at);
  let markdown: string | undefined;
  if (role === 'value' && path[0] === 'round' && typeof path[1] === 'number') {
    const isName = path.length === 2 || (path.length === 3 && path[2] === 'phase');
    const phase = readPhases(token.doc.value)?.[path[1]];
    if (isName && phase) markdown = phaseCard(phase, m());
    if (path.length === 4 && path[2] === 'actions') {
      const a = m()?.actions.find((x) => x.name === name);
      markdown = a && [`**action ${name}**`, a.description].filter(Boolean).join('\n\n');
    }
  }
  if (role === 'value' && isFeedUse(path)) {
    const feed = m()?.feeds?.find((f) => f.name === name);
    markdown = feed && feedCard(feed);
  }
  if (isArgUse(path, role)) {
    const a = m()?.actions.find((x) => x.name === path[1]);
    const arg = a?.args.find((x) => x.name === name);
    markdown = a && arg && argCard(arg, a, name);
  }
  return markdown ? { markdown, range } : undefined;
}
