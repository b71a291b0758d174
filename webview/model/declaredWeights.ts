// Which traits and driver weights the world on screen has, for the agent panel's bars. Every
// persona in a trace holds all five traits and all five weights: what nothing declared holds the
// schema's default (UNDECLARED_WEIGHT), so the public goods example showed ten identical 0.50 bars
// per player (issue 73). A trait or weight is the world's once some agent holds it at another
// value, or an edit set it; a persona shows the bars of the world's ones, and none when it holds
// every one of them at the default (it declares none). Folded once per agent as the trace arrives.
import {
  DRIVERS,
  TRAIT_NAMES,
  UNDECLARED_WEIGHT,
  type Driver,
  type Persona,
  type TraitName,
} from '../../src/core/format/pure';

export class DeclaredWeights {
  private readonly traitSet = new Set<TraitName>();
  private readonly driverSet = new Set<Driver>();

  /** An agent joined: what it holds at other than the default is the world's. */
  add(persona: Pick<Persona, 'traits' | 'motivations'>): void {
    for (const t of TRAIT_NAMES) if (declared(persona.traits?.[t])) this.traitSet.add(t);
    for (const d of DRIVERS) if (declared(persona.motivations?.[d])) this.driverSet.add(d);
  }

  /** An edit set a trait (to any value, the default included: someone chose it). */
  edited(trait: TraitName): void {
    this.traitSet.add(trait);
  }

  /** The world's traits, in the Big Five's order. */
  get traits(): TraitName[] {
    return TRAIT_NAMES.filter((t) => this.traitSet.has(t));
  }

  /** The world's driver weights, in the drivers' order. */
  get motivations(): Driver[] {
    return DRIVERS.filter((d) => this.driverSet.has(d));
  }

  /** The bars `persona` shows: the world's traits and weights, each block only where it declares one. */
  of(persona: Pick<Persona, 'traits' | 'motivations'>): { traits: TraitName[]; motivations: Driver[] } {
    const traits = this.traits.filter((t) => typeof persona.traits?.[t] === 'number');
    const motivations = this.motivations.filter((d) => typeof persona.motivations?.[d] === 'number');
    return {
      traits: traits.some((t) => declared(persona.traits[t])) ? traits : [],
      motivations: motivations.some((d) => declared(persona.motivations[d])) ? motivations : [],
    };
  }
}

const declared = (v: number | undefined): boolean => typeof v === 'number' && v !== UNDECLARED_WEIGHT;
