// A persona as the node attributes of the tie network, the same in `society export`, the report
// and the society view's GraphML/GEXF/CSV buttons. (Apart from traceNetwork.ts, which reads
// trace files, so that the view's bundle can use it.)
import { DRIVERS, TRAIT_NAMES, type Persona } from '../../format/pure';

/**
 * A persona as flat node attributes (for homophily, colouring and GraphML): name, group and the
 * other scalar fields, each trait by name, each motivation as `motivation_<driver>`, interests
 * joined by "; ".
 */
export function personaAttributes(persona: Persona): Record<string, string | number> {
  const attrs: Record<string, string | number> = { name: persona.name };
  for (const key of ['group', 'age', 'gender', 'occupation', 'location'] as const) {
    const value = persona[key];
    if (value !== undefined) attrs[key] = value;
  }
  for (const trait of TRAIT_NAMES) {
    if (typeof persona.traits?.[trait] === 'number') attrs[trait] = persona.traits[trait];
  }
  for (const driver of DRIVERS) {
    if (typeof persona.motivations?.[driver] === 'number') attrs[`motivation_${driver}`] = persona.motivations[driver];
  }
  if (persona.interests?.length) attrs.interests = persona.interests.join('; ');
  return attrs;
}
