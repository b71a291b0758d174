// Whether an experiment tests the seed paper's claims (coaching raises density and median degree;
// reciprocity, clustering and homophily beyond two null models): where the author asked
// (`experiment.paper_claims`), else in a world without declared actions — a friendship society,
// the paper's own kind. A game or a forum makes its own claims: twelve network claims it never
// made would be tested against null models its report then has to explain (issue 84).
import type { Scenario } from '../format';

export function paperClaimsApply(scenario: Pick<Scenario, 'experiment' | 'mechanics'>): boolean {
  return scenario.experiment?.paper_claims ?? !scenario.mechanics?.actions.length;
}
