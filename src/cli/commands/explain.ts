// `society explain`: why a tie or a declared quantity stands where it does — every event of the
// run that moved it, round by round, with the conversations, ratings, rewards, advice, memories
// and actions behind each move, and each event's line in the trace.
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import { integerOption } from '../options';
import { printable } from '../../core/text/printable';
import { counted } from '../../core/text/counted';
import { readLocatedTrace, EXPLAIN_USAGE, explainAsked, explanationText } from '../../core/analysis';

const USAGE = 'explain <run folder|trace.jsonl> <from> <to> | <agent>.<quantity> [--both] [--round N] [--json]';

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
  ['<run folder|trace.jsonl>', "a run's folder (its trace.jsonl) or a trace"],
  ['<from> <to>', 'a directed tie: agents by id, name, first name or the start of the id (maya for maya_chen)'],
  ['<agent>.<quantity>', "a declared quantity of an agent's (`state:`), or world.<quantity>"],
  ['--both', 'for a tie: both directions, from → to and to → from'],
  ['--round N', 'up to the end of round N (default: the whole run)'],
  ['--json', 'print the explanation as JSON (moves with delta, value, line and round; the context events)'],
] as const satisfies readonly OptionRow[];

export const explainCommand = command({
  name: 'explain',
  usage: USAGE,
  summary: 'Why a tie or a quantity stands where it does: the trace events that moved it',
  options: OPTIONS,
  async run(parsed): Promise<number> {
    const [target, ...words] = parsed.positionals;
    if (target === undefined || words.length < 1 || words.length > 2) {
      console.error(`society explain: say which run and what to explain: ${EXPLAIN_USAGE}\nUsage: society ${USAGE}`);
      return 2;
    }
    const round = integerOption('round', parsed.values.round, 0);
    const trace = await readLocatedTrace(target);
    if (trace.problems) {
      console.error(
        `society explain: note: ${counted(trace.problems, 'line')} of ${trace.file} could not be read and ${trace.problems === 1 ? 'is' : 'are'} left out`,
      );
    }
    const asked = explainAsked(trace, words, { round, both: parsed.values.both });
    if ('problem' in asked) {
      console.error(`society explain: ${printable(asked.problem)}`);
      return 2;
    }
    const x = asked.explanation;
    if (round !== undefined && round > x.round) {
      console.error(`society explain: note: the trace ends at round ${x.round}, before round ${round}`);
    }
    console.log(
      parsed.values.json ? JSON.stringify({ trace: trace.file, ...x }, null, 2) : printable(explanationText(x)),
    );
    return 0;
  },
});
