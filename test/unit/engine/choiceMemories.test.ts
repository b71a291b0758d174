// Every text the engine writes into a memory about an agent's own choice says what the trace's
// action event recorded (issue 88): the action, its arguments as applied (bounds included) and the
// quantities as they stood. A property over every shipped example, on the offline model, a few
// rounds each (and each experiment condition's first seed, where an example declares some): a
// consequence memory ("After I chose contribute (amount 2.5) in round 2, my coins went from A to
// B") names exactly the round's action events and the agent's holdings at the two closes; an
// action's own memory (its `remember:` text, or the default one) fills in the event's values.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Scenario } from '../../../src/core/format/model/model';
import type { Action } from '../../../src/core/format/model/mechanics';
import { withOverrides } from '../../../src/core/experiment/overrides';
import { example, traceLines, traceOf, type Line } from './traceHelpers';

const EXAMPLES = path.join(__dirname, '../../../examples');
/** Rounds run of each example: enough for a first payoff, a usual one and a surprise. */
const ROUNDS = 5;

/** Every scenario file under examples/ (persona files and fragments left out). */
function scenarioFiles(dir = EXAMPLES): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...scenarioFiles(p));
    else if (e.name.endsWith('.society') && /^kind:\s*scenario\b/m.test(fs.readFileSync(p, 'utf8'))) out.push(p);
  }
  return out.sort();
}

/** A number as the engine writes it in a memory: at most two decimals. */
const shown = (x: number): string => String(Math.round(x * 100) / 100);

/** Values agree as written: a number to two decimals, else the text itself. */
function same(written: string, value: number | string | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'number') return Number.isFinite(Number(written)) && shown(Number(written)) === shown(value);
  return written === value;
}

/** Quantities replayed from the trace: the world's and each agent's, as of the event last applied. */
class Holdings {
  world: Record<string, number> = {};
  agents: Record<string, Record<string, number>> = {};
  /** Per round, the agents' quantities at its close (its `state` event applied). */
  closes = new Map<number, Record<string, Record<string, number>>>();

  state(e: Line): void {
    Object.assign(this.world, e.world);
    for (const [id, qs] of Object.entries(e.agents as Record<string, Record<string, number>>)) {
      Object.assign((this.agents[id] ??= {}), qs);
    }
    this.closes.set(e.round, structuredClone(this.agents));
  }

  action(e: Line, actor: string): void {
    for (const [key, [, after]] of Object.entries(e.changes as Record<string, [number, number]>)) {
      const dot = key.indexOf('.');
      const owner = key.slice(0, dot),
        q = key.slice(dot + 1);
      if (owner === 'world') this.world[q] = after;
      else (this.agents[owner === 'me' ? actor : owner] ??= {})[q] = after;
    }
  }
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A `remember:` text as a pattern: each `{a.b}` a captured value, each `{one|many}` either form. */
function templatePattern(template: string): { re: RegExp; keys: string[] } {
  const keys: string[] = [];
  let src = '';
  let last = 0;
  const piece = /\{([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)\}|\{([^{}|\n]*)\|([^{}|\n]*)\}/g;
  for (const m of template.matchAll(piece)) {
    src += escape(template.slice(last, m.index));
    if (m[1] !== undefined) {
      keys.push(m[1]);
      src += '(.*?)';
    } else src += `(?:${escape(m[2])}|${escape(m[3])})`;
    last = m.index! + m[0].length;
  }
  src += escape(template.slice(last));
  return { re: new RegExp(`^${src}$`, 's'), keys };
}

interface Run {
  label: string;
  scenario: Scenario;
  lines: Line[];
}

/** Problems with the run's memories about choices, one line each; and how many texts were checked. */
function audit(run: Run): { problems: string[]; checked: number } {
  const problems: string[] = [];
  const specs = new Map<string, Action>((run.scenario.mechanics?.actions ?? []).map((a) => [a.name, a]));
  const names = new Map<string, string>();
  const held = new Holdings();
  /** Per `<round>\0<agent>`: the action events it took that round. */
  const taken = new Map<string, Line[]>();
  /** An action event waiting for its actor's memory of it. */
  const pending = new Map<string, { e: Line; world: Record<string, number>; me: Record<string, number> }>();
  const lessons: Line[] = [];
  let checked = 0;
  const nameOf = (id: string): string => names.get(id) ?? id;
  const argValue = (spec: Action | undefined, k: string, v: number | string): number | string =>
    typeof v === 'string' && spec?.args.find((a) => a.name === k)?.type === 'agent' ? nameOf(v) : v;

  for (const e of run.lines.slice(1)) {
    if (e.type === 'agent_added') names.set(e.agent.id, e.agent.name);
    if (e.type === 'state') held.state(e);
    if (e.type === 'action') {
      held.action(e, e.agent);
      const key = `${e.round}\u0000${e.agent}`;
      taken.set(key, [...(taken.get(key) ?? []), e]);
      pending.set(e.agent, { e, world: { ...held.world }, me: { ...(held.agents[e.agent] ?? {}) } });
    }
    if (e.type !== 'memory') continue;
    const text: string = e.memory.text;
    if (text.startsWith('After I chose')) {
      lessons.push(e);
      continue;
    }
    const p = pending.get(e.agent);
    if (!p || e.memory.kind !== 'observation' || e.round !== p.e.round) continue;
    pending.delete(e.agent);
    const where = `${run.label} round ${e.round} ${e.agent} "${text}"`;
    const spec = specs.get(p.e.action);
    const args = p.e.args as Record<string, number | string>;
    const expected = (k: string): number | string | undefined => {
      const [owner, q] = k.split('.');
      if (owner === 'args') return args[q] === undefined ? undefined : argValue(spec, q, args[q]);
      return owner === 'world' ? p.world[q] : p.me[q];
    };
    const listed = /^I (?:chose to|meant to) (\S+)(?: \((.*)\))?(?:\.|, but by my turn)/.exec(text);
    if (spec?.remember && !text.startsWith('I meant to')) {
      const { re, keys } = templatePattern(spec.remember);
      const m = re.exec(text);
      if (!m) problems.push(`${where}: not its remember: text`);
      else {
        keys.forEach((k, i) => {
          if (!same(m[i + 1], expected(k))) {
            problems.push(`${where}: {${k}} is ${m[i + 1]}, the trace has ${expected(k)}`);
          }
        });
      }
      checked++;
    } else if (listed) {
      if (listed[1] !== p.e.action) problems.push(`${where}: names ${listed[1]}, the trace has ${p.e.action}`);
      for (const pair of listed[2] ? listed[2].split(', ') : []) {
        const sp = pair.indexOf(' ');
        const k = pair.slice(0, sp),
          v = pair.slice(sp + 1);
        if (!same(v, expected(`args.${k}`))) {
          problems.push(`${where}: ${k} is ${v}, the trace has ${expected(`args.${k}`)}`);
        }
      }
      checked++;
    }
  }

  for (const e of lessons) {
    const text: string = e.memory.text;
    const where = `${run.label} round ${e.round} ${e.agent} "${text}"`;
    checked++;
    const m = /^After I chose (.+) in round (\d+), (.+): (?:better|worse) than usual\.$/s.exec(text);
    if (!m) {
      problems.push(`${where}: not a consequence text`);
      continue;
    }
    const round = Number(m[2]);
    if (round !== e.round) problems.push(`${where}: written in round ${e.round}`);
    const events = [...(taken.get(`${round}\u0000${e.agent}`) ?? [])];
    for (const item of m[1].split(' and ')) {
      const parts = /^(\S+)(?: \((.*)\))?$/.exec(item);
      const args = (parts?.[2] ? parts[2].split(', ') : []).map((kv) => [
        kv.slice(0, kv.indexOf(' ')),
        kv.slice(kv.indexOf(' ') + 1),
      ]);
      const at = events.findIndex(
        (a) =>
          a.action === parts?.[1] &&
          args.every(([k, v]) => a.args[k] !== undefined && same(v, argValue(specs.get(a.action), k, a.args[k]))),
      );
      if (at < 0) problems.push(`${where}: "${item}" is no action it took in round ${round}`);
      else events.splice(at, 1);
    }
    for (const a of events) problems.push(`${where}: leaves out ${a.action} ${JSON.stringify(a.args)}`);
    const before = held.closes.get(round - 1)?.[e.agent] ?? {};
    const after = held.closes.get(round)?.[e.agent] ?? {};
    for (const [, q, from, to] of m[3].matchAll(/my (\S+) went from (-?[\d.]+) to (-?[\d.]+)/g)) {
      if (!same(from, before[q])) problems.push(`${where}: ${q} was ${before[q]} at round ${round - 1}'s close`);
      if (!same(to, after[q])) problems.push(`${where}: ${q} was ${after[q]} at round ${round}'s close`);
    }
  }
  return { problems, checked };
}

/** The example's runs: the scenario itself and, where it declares an experiment, each condition. */
async function runsOf(file: string): Promise<Run[]> {
  const base = await example(path.relative(EXAMPLES, file));
  const few = (s: Scenario): Scenario => withOverrides(s, { 'world.rounds': Math.min(ROUNDS, s.world.rounds) });
  const scenarios: [string, Scenario][] = [[path.relative(EXAMPLES, file), few(base)]];
  for (const c of base.experiment?.conditions ?? []) {
    scenarios.push([`${path.relative(EXAMPLES, file)} [${c.name}]`, few(withOverrides(base, c.set))]);
  }
  const runs: Run[] = [];
  for (const [label, scenario] of scenarios) runs.push({ label, scenario, lines: traceLines(await traceOf(scenario)) });
  return runs;
}

describe('memories of a choice say what the trace recorded (every example, offline model)', function () {
  for (const file of scenarioFiles()) {
    it(path.relative(EXAMPLES, file), async () => {
      const problems: string[] = [];
      for (const run of await runsOf(file)) problems.push(...audit(run).problems);
      assert.deepEqual(problems.slice(0, 12), [], `${problems.length} memories misstate the trace`);
    });
  }

  it('checks texts of both kinds somewhere (the audit is not vacuous)', async () => {
    const [run] = await runsOf(path.join(EXAMPLES, 'public-goods/public-goods.society'));
    const all = run.lines.filter((e) => e.type === 'memory').map((e) => e.memory.text as string);
    assert.ok(all.some((t) => t.startsWith('After I chose contribute (amount ')));
    assert.ok(all.some((t) => /^I put [\d.]+ coins? into the pot\.$/.test(t)));
    assert.ok(audit(run).checked > 20);
  });
});
