// `society fork <run> --round N [edits] [--out DIR]`: a branch of a run at round N — the parent's run
// again (its scenario, seed, rounds, models; its cached answers), with the edits at round N's start.
// The branch's trace is checked against the parent's: identical before round N, or the command
// says where and why not (exit 1).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import { integerOption, loadScenario, lockOutputFolder, onePositional, outputFolder, shown } from '../options';
import { BranchError, readParentRun } from '../../core/branch/parentRun';
import { EditSyntaxError, editsFromJson, parseEdit } from '../../core/branch/editSyntax';
import { openBranch, type ForkOutcome } from '../../core/branch/fork';
import { experimentRunOf, scenarioAsRun } from '../../core/branch/experimentParent';
import { describeEdit, type WorldEdit, type WorldEditKind } from '../../core/trace/edits';
import { ioReason } from '../../core/files/ioReason';
import { readOptionFile } from '../optionFile';
import { realTarget, writesOverInput } from '../../core/files/realTarget';
import { recordWritten } from '../manifest';
import { heldRun } from '../outFolder';
import { mayReplace } from '../ownFiles';
import { runModels, missingKey } from '../run/runModels';
import { ALLOW_KEY_ROW, grantKeys } from '../keyGrants';
import { Progress } from '../run/progress';
import { pushAll } from '../../core/text/pushAll';
import { branchPoint } from '../../core/branch/branchName';

/** What a branch writes in its folder (listed as ours: a resume knows the folder is a branch). */
const BRANCH_FILES = ['trace.jsonl', 'checkpoint.json', 'trace.index.json', 'branch.json'];

const USAGE =
  'fork <run> --round N [--remember A=TEXT] [--forget A#ID] [--quantity A.Q=X] [--trait A.T=X] [--persona A.FIELD=TEXT] [--tie A->B=X] [--set PATH=VALUE] [--broadcast TEXT] [--edits FILE] [--out DIR] [--scenario-file FILE] [--cache DIR] [--replay] [--overwrite] [--allow-module] [--allow-key VAR@HOST[:PORT]]... [--json]';

/** The option of each edit kind (several of each may be given; they apply in this order, then --edits). */
const EDIT_OPTIONS: [string, WorldEditKind][] = [
  ['set', 'setting'],
  ['trait', 'trait'],
  ['persona', 'persona'],
  ['quantity', 'quantity'],
  ['tie', 'tie'],
  ['forget', 'forget'],
  ['remember', 'remember'],
  ['broadcast', 'broadcast'],
];

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
  ['<run>', "the parent run's folder (or its trace.jsonl)"],
  ['--round N', 'the round at whose start the edits apply (the branch is its parent before it)'],
  ['--remember A=TEXT', 'agent A remembers TEXT (A:7=TEXT: with importance 7; default 6)', { multiple: true }],
  ['--forget A#ID', 'agent A forgets its memory #ID', { multiple: true }],
  ['--quantity A.Q=X', "set agent A's declared quantity Q (world.Q=X: the world's)", { multiple: true }],
  ['--trait A.T=X', "set agent A's Big Five trait T (0..1)", { multiple: true }],
  [
    '--persona A.FIELD=TEXT',
    "rewrite agent A's bio, style, occupation or location (what prompts show)",
    { multiple: true },
  ],
  ['--tie A->B=X', 'set the tie from A to B (0..1; 0 removes it); A:B=X also works', { multiple: true }],
  [
    '--set PATH=VALUE',
    'change a run setting as a timed `set` would (coaching.enabled=false, world.setting=…)',
    { multiple: true },
  ],
  ['--broadcast TEXT', 'news every agent observes', { multiple: true }],
  ['--edits FILE', 'more edits, as a JSON array ({"edit": "tie", "from": …}; see docs/branching.md)'],
  ['--out DIR', 'the branch folder (default: <run>-r<N>)'],
  ['--scenario-file FILE', "the scenario, when it is no longer where the parent's header says"],
  ['--cache DIR', "the branch's response cache (default <out>/cache; the parent's <run>/cache is read too)"],
  ['--replay', 'answer only from the caches: no network (a branch with edits then needs its answers cached)'],
  ['--overwrite', 'replace a run the --out folder holds'],
  ['--allow-module', "run the scenario's `module:` (JavaScript with your rights)"],
  ALLOW_KEY_ROW,
  ['--json', 'print the outcome as JSON'],
  ['-q, --quiet', 'no progress bar'],
] as const satisfies readonly OptionRow[];

export const forkCommand = command({
  name: 'fork',
  usage: USAGE,
  summary: "Branch a run at round N with edits: the parent's trace up to N, then a run of its own",
  options: OPTIONS,
  async run(parsed): Promise<number> {
    const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
    if (!grantKeys('fork', parsed.values['allow-key'])) return 2;
    const runArg = onePositional('fork', USAGE, parsed.positionals, 'run folder');
    if (runArg === undefined) return 2;
    const usage = (why: string): number => {
      console.error(`society fork: ${why}\nUsage: society ${USAGE}`);
      return 2;
    };
    let round: number | undefined;
    try {
      round = integerOption('round', values.round as string | undefined, 1);
    } catch (err) {
      return usage(err instanceof Error ? err.message : String(err));
    }
    if (round === undefined) return usage('--round N is required: the round at whose start the branch departs');
    let edits: WorldEdit[];
    try {
      edits = editsGiven(values);
    } catch (err) {
      if (err instanceof EditSyntaxError) return usage(err.message);
      throw err;
    }
    const many = runsIn(path.resolve(runArg));
    if (many.length) {
      // A folder of runs (one per seed): each is branched the same way, into --out/<its name>.
      const outRoot = path.resolve((values.out as string | undefined) ?? `${path.resolve(runArg)}-r${round}`);
      let worst = 0;
      let branched = 0;
      let tried = 0;
      for (const run of many) {
        const name = path.basename(run).replace(/\.jsonl$/, '');
        const code = await forkOne(run, path.join(outRoot, name), round, edits, values);
        tried++;
        if (code === 0) branched++;
        worst = Math.max(worst, code);
        if (code === 2) break;
      }
      // Say what happened to each run: "branched 8 runs" once stood above 8 failures.
      if (values.json !== true) {
        const failed = tried - branched;
        const notTried = many.length - tried;
        console.log(
          `branched ${branched} of ${many.length} runs into ${shown(outRoot)}` +
            (failed > 0 ? `; ${failed} failed` : '') +
            (notTried > 0 ? `; ${notTried} not tried after a usage error` : ''),
        );
      }
      return worst;
    }
    return forkOne(
      path.resolve(runArg),
      values.out === undefined ? undefined : path.resolve(values.out as string),
      round,
      edits,
      values,
    );
  },
});

/** The runs a folder holds when it is not one itself: run folders (with trace.jsonl) or trace files, by name. */
function runsIn(dir: string): string[] {
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() || fs.existsSync(path.join(dir, 'trace.jsonl'))) {
    return [];
  }
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => (d.isDirectory() ? fs.existsSync(path.join(dir, d.name, 'trace.jsonl')) : d.name.endsWith('.jsonl')))
    .map((d) => path.join(dir, d.name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

async function forkOne(
  runArg: string,
  outArg: string | undefined,
  round: number,
  edits: WorldEdit[],
  values: Record<string, string | string[] | boolean | undefined>,
): Promise<number> {
  let parent;
  try {
    parent = await readParentRun(runArg);
  } catch (err) {
    console.error(`society fork: ${err instanceof BranchError ? err.message : ioReason(err)}`);
    return 1;
  }
  const file = path.resolve(
    (values['scenario-file'] as string | undefined) ?? path.join(parent.folder, parent.header.scenario.file ?? ''),
  );
  if (!fs.existsSync(file) || (!parent.header.scenario.file && !values['scenario-file'])) {
    console.error(`society fork: the parent's scenario is not at ${shown(file)}: give it with --scenario-file FILE`);
    return 1;
  }
  const loaded = await loadScenario(file, 'fork', parent.header.scenario.name, true);
  if (!loaded) return 1;
  // One run of an experiment: its condition applied, its answers in the experiment's cache.
  const experimentRun = experimentRunOf(parent);
  if (experimentRun?.cacheDir && !parent.cacheDir) parent.cacheDir = experimentRun.cacheDir;
  let scenario;
  try {
    scenario = scenarioAsRun(loaded.scenario, experimentRun);
  } catch (err) {
    console.error(
      `society fork: the experiment's condition ${experimentRun?.condition} does not apply: ${err instanceof Error ? err.message : String(err)}`,
    );
    return 1;
  }
  const out = outArg ?? `${parent.folder}-r${round}`;
  return forkInto(out, { parent, loaded: { ...loaded, scenario }, file, round, edits, values });
}

/** Every edit the command line gives, in EDIT_OPTIONS order, then the --edits file's. */
function editsGiven(values: Record<string, string | string[] | boolean | undefined>): WorldEdit[] {
  const edits: WorldEdit[] = [];
  for (const [option, kind] of EDIT_OPTIONS) {
    for (const text of (values[option] as string[] | undefined) ?? []) edits.push(parseEdit(kind, text));
  }
  const file = values.edits as string | undefined;
  if (file !== undefined) {
    let text: string;
    try {
      text = readOptionFile(file);
    } catch (err) {
      throw new EditSyntaxError(`--edits ${file}: ${ioReason(err)}`);
    }
    try {
      pushAll(edits, editsFromJson(text));
    } catch (err) {
      throw new EditSyntaxError(`--edits ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return edits;
}

interface ForkJob {
  parent: Awaited<ReturnType<typeof readParentRun>>;
  loaded: NonNullable<Awaited<ReturnType<typeof loadScenario>>>;
  file: string;
  round: number;
  edits: WorldEdit[];
  values: Record<string, string | string[] | boolean | undefined>;
}

async function forkInto(out: string, job: ForkJob): Promise<number> {
  const { values } = job;
  // Compared by real path with every input, links resolved, before anything is written: --out
  // through a link to the parent once replaced the parent's trace and then matched it.
  const { parent } = job;
  if (realTarget(out) === realTarget(parent.folder)) {
    console.error("society fork: --out is the parent run's own folder: a branch needs a folder of its own");
    return 2;
  }
  const over = writesOverInput(
    BRANCH_FILES.map((f) => path.join(out, f)),
    [parent.tracePath, job.file, ...BRANCH_FILES.map((f) => path.join(parent.folder, f))],
  );
  if (over !== undefined) {
    console.error(`society fork: writing the branch into ${shown(out)} would replace ${shown(over)}, which it reads`);
    return 2;
  }
  // A link, FIFO or folder in a branch file's place is refused, and a user's file kept, before anything goes.
  if (!mayReplace('fork', out, BRANCH_FILES, values.overwrite === true)) return 1;
  const held = heldRun(out);
  if (held && values.overwrite !== true) {
    console.error(`society fork: ${shown(out)} holds ${held}: choose another --out, or --overwrite`);
    return 1;
  }
  const made = outputFolder(out, 'fork');
  if (!made) return 1;
  const lock = lockOutputFolder(out, 'fork');
  if (!lock) {
    made.removeEmpty();
    return 1;
  }
  try {
    return await runBranch(out, job);
  } finally {
    lock.release();
    made.removeEmpty();
  }
}

async function runBranch(out: string, job: ForkJob): Promise<number> {
  const { parent, round, edits, values } = job;
  const cache = path.resolve((values.cache as string | undefined) ?? path.join(out, 'cache'));
  // A replayed branch answers from its parent's cache: its own may not exist yet.
  if (values.replay === true) fs.mkdirSync(cache, { recursive: true });
  const models = runModels({
    scenario: job.loaded.scenario,
    out,
    cache,
    replay: values.replay === true,
  });
  if (typeof models === 'number') return models;
  const progress = new Progress(
    parent.header.rounds,
    values.quiet !== true && values.json !== true && process.stderr.isTTY === true,
  );
  let branch;
  try {
    for (const f of BRANCH_FILES) fs.rmSync(path.join(out, f), { force: true });
    branch = openBranch(
      {
        parent,
        scenario: job.loaded.scenario,
        scenarioFile: job.file,
        round,
        edits,
        out,
        models: models.options,
        allowModule: values['allow-module'] === true,
      },
      { listeners: [progress.listener] },
    );
    recordWritten(out, BRANCH_FILES);
  } catch (err) {
    if (missingKey(err)) return 1;
    console.error(`society fork: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  let outcome: ForkOutcome;
  try {
    outcome = await branch.run();
  } catch (err) {
    console.error(`society fork: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    progress.done();
  }
  report(out, job, outcome, values.json === true);
  return outcome.faithful ? 0 : 1;
}

function report(out: string, job: ForkJob, o: ForkOutcome, json: boolean): void {
  const { parent, round, edits } = job;
  if (json) {
    console.log(
      JSON.stringify(
        {
          out,
          parent: parent.folder,
          round,
          edits,
          faithful: o.faithful,
          divergence: o.divergence ?? null,
          completed: o.result.completed,
        },
        null,
        2,
      ),
    );
    return;
  }
  const d = o.divergence;
  console.log(
    `branch of ${shown(parent.tracePath)} ${branchPoint(round)} (its edits at round ${round}), in ${shown(out)}`,
  );
  for (const e of edits) console.log(`  edit: ${describeEdit(e)}`);
  if (!d) console.log(`its trace is its parent's byte for byte${edits.length ? '' : ' (no edit)'}`);
  else if (d.prefix) {
    console.log(`its trace is its parent's byte for byte as far as the shorter one goes (line ${d.line - 1})`);
  } else if (o.faithful) {
    console.log(
      `its trace is its parent's byte for byte up to line ${d.line - 1}; it departs in round ${d.round} (line ${d.line})`,
    );
  } else {
    console.error(
      `society fork: the branch departs from its parent at line ${d.line}${d.round !== undefined ? ` (round ${d.round})` : ''}, before round ${round}: the run was not reproduced — a model answered differently (was the parent run with --cache? give it with --cache), or the scenario's module is not deterministic`,
    );
  }
  const parentRun = fs.existsSync(path.join(parent.folder, 'trace.jsonl')) ? parent.folder : parent.tracePath;
  console.log(`compare them: society compare ${shown(parentRun)} ${shown(out)}`);
}
