// What the network says of one agent in words, for its tooltip and its accessible label: its ties
// where the society forms them ("2 ties out · 1 in"), and the quantity it is sized by. A society
// without ties does not tell of "0 ties out" for every agent.
import { counted } from '../dom';
import type { NetworkNode } from '../model/networkData';

/** The lines under the agent's name; `ties`: the society forms ties. */
export function agentLines(n: NetworkNode, ties: boolean): string[] {
  return [
    ...(ties ? [`${counted(n.outDegree, 'tie')} out · ${n.inDegree} in`] : []),
    ...(n.quantity ? [`${n.quantity.name}: ${n.quantity.value}`] : []),
  ];
}

/** The agent's accessible label: "Ana: 2 ties out, 1 in, wealth 12.5", or "Ana, wealth 12.5" without ties. */
export function agentLabel(n: NetworkNode, ties: boolean): string {
  const facts = [
    ...(ties ? [`${counted(n.outDegree, 'tie')} out, ${n.inDegree} in`] : []),
    ...(n.quantity ? [`${n.quantity.name} ${n.quantity.value}`] : []),
  ];
  return !facts.length ? n.name : ties ? `${n.name}: ${facts.join(', ')}` : `${n.name}, ${facts.join(', ')}`;
}

/** The network as a whole, for a screen reader. */
export const networkName = (ties: boolean): string => (ties ? 'Tie network' : 'Network');
