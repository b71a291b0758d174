// `society population <file>`: the census groups' coverage (target vs synthesised share per
// category, the largest marginal error) without running, and `--agents N` the first agents' provenance.
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import { integerOption, loadRunnableScenario, onePositional } from '../options';
import { MIN_SEED } from '../../core/random/rng';
import { coverageLine, coverageRows, scenarioCoverage } from '../../core/format';
import { samplePopulation } from '../../core/engine';

const USAGE = 'population <scenario.society> [--seed N] [--agents N] [--json] [--scenario NAME] [--root DIR]';

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
  ['<scenario.society>', 'a scenario with a `population:` group that has `census:` tables'],
  ['--seed N', 'the seed to synthesise with (default: the scenario seed)'],
  ['--agents N', 'also list the first N agents of each census group with their provenance'],
  ['--json', "print JSON: per group, each attribute's categories with target and synthesised shares"],
  ['--scenario NAME', 'which scenario of the file (default: the first)'],
  ['--root DIR', 'folder that includes and relative paths resolve against (default: found from the file)'],
] as const satisfies readonly OptionRow[];

export const populationCommand = command({
  name: 'population',
  usage: USAGE,
  summary: "A census population's coverage (target vs synthesised shares) without running",
  options: OPTIONS,
  async run({ values, positionals }): Promise<number> {
    const file = onePositional('population', USAGE, positionals, 'scenario file');
    if (file === undefined) return 2;
    let seed: number | undefined, agents: number | undefined;
    try {
      seed = integerOption('seed', values.seed, MIN_SEED);
      agents = integerOption('agents', values.agents, 0);
    } catch (err) {
      console.error(`society population: ${err instanceof Error ? err.message : String(err)}\nUsage: society ${USAGE}`);
      return 2;
    }
    const scenario = await loadRunnableScenario(file, 'population', values.scenario, false, values.root);
    if (!scenario) return 1;
    const runSeed = seed ?? scenario.seed;
    const groups = scenarioCoverage(scenario, runSeed);
    if (!groups.length) {
      console.error('society population: no population group of this scenario has `census:` tables');
      return 1;
    }
    const listed = (g: (typeof groups)[number]['group']): { id: string; provenance: unknown }[] =>
      agents
        ? samplePopulation(g, runSeed)
            .slice(0, agents)
            .map((p) => ({ id: p.id, provenance: p.provenance }))
        : [];
    if (values.json) {
      const out = groups.map(({ group, coverage }) => ({
        group: group.group,
        count: group.count,
        seed: runSeed,
        ...coverage,
        ...(agents ? { agents: listed(group) } : {}),
      }));
      console.log(JSON.stringify(out, null, 2));
      return 0;
    }
    for (const { group, coverage } of groups) {
      console.log(coverageLine(group, coverage));
      for (const row of coverageRows(coverage)) console.log(`  ${row}`);
      for (const a of listed(group)) console.log(`  ${a.id}  ${JSON.stringify(a.provenance)}`);
    }
    return 0;
  },
});
