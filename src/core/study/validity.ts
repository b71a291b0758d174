// Whether people behave so: for each study condition anchored to a condition of the validation
// library (`validity.anchors`), that entry's human figures and how each study model scored on
// them (the entry run on the model, `society validate`'s scoring); every condition without an
// anchor is named unanchored. The library's entries are listed too, so an author sees which
// human experiments exist for a design before claiming one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ModelConfig, Study } from '../format';
import type { ExperimentResult } from '../experiment';
import { readLibrary, type LibraryEntry } from '../validation/reference';
import { entryRunOptions, entryScenario, scoreEntry, type EntryResult } from '../validation/validate';
import { runExperiment } from '../experiment';
import { humanText } from '../validation/report';

export interface AnchoredFigure {
  label: string;
  /** People in a published experiment, or the simulated agents of a published simulation (not people). */
  subjects: 'people' | 'agents';
  metric: string;
  /** People's value and band, as the entry's reference gives them (or their direction). */
  human: string;
  source: string;
  /** Per model: the simulated mean and the verdict (inside, near, far, direction right …). */
  models: Record<string, { simulated: number | null; verdict: string }>;
}

export interface AnchorResult {
  condition: string;
  entry: string;
  entry_title: string;
  as: string;
  figures: AnchoredFigure[];
  /** Per model: figures inside their band (or direction right and backed) of those scored. */
  scores: Record<string, { inside: number; scored: number }>;
}

export interface Validity {
  anchored: AnchorResult[];
  /** Study conditions no people's figure anchors (one compared only with a published simulation's agents is among them). */
  unanchored: string[];
  /** The library's entries, for an author choosing anchors. */
  library: { id: string; title: string; conditions: string[] }[];
  /** An anchor whose entry or condition the library lacks: said, not dropped. */
  problems: string[];
}

/** An anchored entry scored on one model: read back from an earlier run of the study where whole. */
async function scoredOn(
  entry: LibraryEntry,
  libraryDir: string,
  outDir: string,
  model: ModelConfig | undefined,
  seeds: number[],
  jobs: number | undefined,
  conditions: readonly string[],
): Promise<EntryResult> {
  const dir = path.join(outDir, entry.id);
  const file = path.join(dir, 'experiment.json');
  if (fs.existsSync(file)) {
    try {
      const r = JSON.parse(fs.readFileSync(file, 'utf8')) as ExperimentResult & { partial?: boolean };
      const same = JSON.stringify(r.conditions.map((c) => c.name).sort()) === JSON.stringify([...conditions].sort());
      if (!r.partial && same && JSON.stringify(r.seeds) === JSON.stringify(seeds)) return scoreEntry(entry, r);
    } catch {
      // Unreadable: run it again below.
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  const whole = await entryScenario(libraryDir, entry, model);
  // Only the conditions the anchored figures read: an LLM's runs of the others would cost for nothing.
  const scenario = {
    ...whole,
    experiment: whole.experiment && {
      ...whole.experiment,
      conditions: whole.experiment.conditions.filter((c) => conditions.includes(c.name)),
      claims: [],
    },
  };
  const run = await runExperiment(
    scenario,
    entryRunOptions({ dir: libraryDir, outDir, seeds, ...(jobs ? { jobs } : {}) }, dir),
  );
  return scoreEntry(entry, run.result, run.files);
}

/** The entry's conditions its figures for `as` read: their own, a direction's other, a `vs` figure's; in the entry's order. */
function entryConditionsRead(entry: LibraryEntry, as: readonly string[]): string[] {
  const read = new Set<string>();
  for (const f of entry.figures.filter((x) => as.includes(x.condition))) {
    read.add(f.condition);
    if (typeof f.direction?.than === 'string') read.add(f.direction.than);
    const vs = f.vs !== undefined ? entry.figures.find((x) => x.id === f.vs) : undefined;
    if (vs) read.add(vs.condition);
  }
  const order = [...new Set(entry.figures.map((f) => f.condition))];
  return [...read].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export async function studyValidity(
  study: Study,
  models: readonly { name: string; config: ModelConfig | undefined }[],
  o: { libraryDir: string; outDir: string; jobs?: number },
): Promise<Validity> {
  const library = fs.existsSync(o.libraryDir) ? readLibrary(o.libraryDir) : [];
  const problems: string[] = [];
  const seeds = Array.from({ length: study.anchorSeeds }, (_, i) => i + 1);
  const anchored: AnchorResult[] = [];
  const scoredBy = new Map<string, EntryResult>();
  for (const a of study.anchors) {
    const entry = library.find((e) => e.id === a.entry);
    if (!entry) {
      problems.push(
        `anchor of '${a.condition}': the validation library has no entry '${a.entry}' (it has: ${library.map((e) => e.id).join(', ')})`,
      );
      continue;
    }
    const figures = entry.figures.filter((f) => f.condition === a.as);
    if (!figures.length) {
      const conditions = [...new Set(entry.figures.map((f) => f.condition))];
      problems.push(
        `anchor of '${a.condition}': entry '${a.entry}' has no figure for condition '${a.as}' (its conditions: ${conditions.join(', ')})`,
      );
      continue;
    }
    const result: AnchorResult = {
      condition: a.condition,
      entry: entry.id,
      entry_title: entry.title,
      as: a.as,
      figures: [],
      scores: {},
    };
    for (const f of figures) {
      result.figures.push({
        label: f.label,
        subjects: f.subjects,
        metric: f.metric,
        human: humanText(f),
        source: f.source,
        models: {},
      });
    }
    for (const m of models) {
      const key = `${m.name}\u0000${entry.id}`;
      let scored = scoredBy.get(key);
      if (!scored) {
        const read = entryConditionsRead(
          entry,
          study.anchors.filter((x) => x.entry === entry.id).map((x) => x.as),
        );
        scored = await scoredOn(entry, o.libraryDir, path.join(o.outDir, m.name), m.config, seeds, o.jobs, read);
        scoredBy.set(key, scored);
      }
      let inside = 0;
      let counted = 0;
      figures.forEach((f, i) => {
        const s = scored!.scored.find((x) => x.figure.id === f.id);
        const verdict = s?.verdict ?? 'no answer';
        result.figures[i].models[m.name] = { simulated: s?.simulated.mean ?? null, verdict };
        if (verdict !== 'no answer') counted++;
        if (verdict === 'inside' || verdict === 'direction') inside++;
      });
      result.scores[m.name] = { inside, scored: counted };
    }
    anchored.push(result);
  }
  const covered = new Set(
    anchored.filter((a) => a.figures.some((f) => f.subjects === 'people')).map((a) => a.condition),
  );
  return {
    anchored,
    unanchored: study.conditions.filter((c) => !covered.has(c)),
    library: library.map((e) => ({
      id: e.id,
      title: e.title,
      conditions: [...new Set(e.figures.map((f) => f.condition))],
    })),
    problems,
  };
}
