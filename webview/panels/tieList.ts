// The selected agent's ties out and in at the round on screen, as lists a keyboard reaches
// (issue 73, "Where am I?"): a tie drawn in the network is only reached by a pointer, so each row
// here has a button that opens the same "why did this tie form" view a click on the tie opens,
// beside the other agent's name (a button that selects that agent). Persona names are set as
// text, labels speak names (ids only in titles).
import type { AgentView, WorldState } from '../../src/core/replay/replay';
import { isolated } from '../../src/core/text/isolated';
import { el } from '../dom';
import { FOCUS_KEY } from './keepFocus';

export interface TieListCallbacks {
  /** Selects an agent (the other end of a tie). */
  select(ids: string[]): void;
  /** Opens the explanation of the tie from → to (the Why panel); none: no "why" buttons. */
  tie?(from: string, to: string): void;
}

/** Rows shown per list (the strongest). */
const SHOWN = 30;

interface Row {
  from: string;
  to: string;
  /** The other end. */
  other: string;
  strength: number;
}

/** The agent's ties out and in, strongest first, each row naming the other agent. */
export function tieLists(state: WorldState, agent: AgentView, callbacks: TieListCallbacks): HTMLElement {
  const out: Row[] = [...state.ties.outgoing(agent.id)].map(([to, t]) => ({
    from: agent.id,
    to,
    other: to,
    strength: t.strength,
  }));
  const into: Row[] = [];
  for (const [from, to, strength] of state.ties.entries()) {
    if (to === agent.id) into.push({ from, to, other: from, strength });
  }
  return el(
    'div',
    { class: 'tie-lists' },
    list(state, 'Ties out', '→', out, callbacks),
    list(state, 'Ties in', '←', into, callbacks),
  );
}

function list(state: WorldState, title: string, arrow: string, ties: Row[], callbacks: TieListCallbacks): HTMLElement {
  const threshold = state.settings.ties.threshold;
  const name = (id: string): string => state.agents.get(id)?.persona.name ?? id;
  ties.sort((a, b) => b.strength - a.strength);
  const ul = el('ul', { class: 'ties', attrs: { 'aria-label': title } });
  for (const t of ties.slice(0, SHOWN)) {
    const strength = t.strength.toFixed(2);
    const button = el('button', {
      class: 'link',
      text: name(t.other),
      attrs: {
        type: 'button',
        title: t.other,
        'aria-label': `${arrow} ${isolated(name(t.other))} ${strength}`,
        [FOCUS_KEY]: `agent ${t.from} ${t.to}`,
      },
    });
    button.addEventListener('click', () => callbacks.select([t.other]));
    const li = el(
      'li',
      { class: t.strength >= threshold ? 'tie' : 'tie weak', attrs: { 'data-from': t.from, 'data-to': t.to } },
      button,
      el('span', { class: 'num', text: strength }),
    );
    if (callbacks.tie) li.append(whyButton(t, name, strength, callbacks.tie));
    ul.append(li);
  }
  if (ties.length === 0) ul.append(el('li', { class: 'muted', text: 'none' }));
  const exist = ties.filter((t) => t.strength >= threshold).length;
  return el('div', {}, el('h4', { text: `${title}: ${exist} at or above ${threshold} (${ties.length} in all)` }), ul);
}

/** "why": opens the tie's explanation; its label names both ends, its title gives their ids. */
function whyButton(
  t: Row,
  name: (id: string) => string,
  strength: string,
  open: (from: string, to: string) => void,
): HTMLButtonElement {
  const button = el('button', {
    class: 'link tie-why',
    text: 'why',
    attrs: {
      type: 'button',
      [FOCUS_KEY]: `why ${t.from} ${t.to}`,
      title: `Why this tie formed: ${t.from} → ${t.to}`,
      'aria-label': `Why ${isolated(name(t.from))} → ${isolated(name(t.to))} (${strength})`,
    },
  });
  button.addEventListener('click', () => open(t.from, t.to));
  return button;
}
