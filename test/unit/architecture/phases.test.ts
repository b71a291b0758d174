// One table of phase plug-ins (engine/phases/table.ts PHASES), as the providers and reward drivers
// are tables: what the format, the trace, the schema, the editor and the debugger know of phases
// follows it, so a new phase kind or platform verb missed in any of them fails here by name.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PHASES, STEP_NAMES } from '../../../src/core/engine/phases/table';
import { VERBS } from '../../../src/core/engine/phases/act/verbs';
import { Tape } from '../../../src/core/engine/flow/tape';
import type { StateChange } from '../../../src/core/engine/flow/stateChange';
import { MODEL_CHANGES } from '../../../src/core/engine/kernel/modelChanges';
import { BUILTIN_PHASES } from '../../../src/core/format/model/mechanics';
import { BUILTIN_MEANING } from '../../../src/core/format/assemble/roundSource';
import { PHASES as TRACE_STEPS } from '../../../src/core/trace/events';
import { planFunction } from '../../../src/core/debug/breakpoints';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { example, traceOf } from '../engine/traceHelpers';
import { makeScenario } from '../engine/scenarioFixture';

const repo = path.resolve(__dirname, '../../..');
const schema = JSON.parse(fs.readFileSync(path.join(repo, 'schemas/society.schema.json'), 'utf8'));
const builtins = PHASES.map((p) => p.kind).filter((k) => k !== 'act');

describe('the phases table', () => {
  it("is the format's built-in phases, the schema's enum for them and the editor's words for each", () => {
    assert.deepEqual([...BUILTIN_PHASES], builtins);
    const round = schema.$defs.scenario.properties.round.items.anyOf as { enum?: string[] }[];
    assert.deepEqual(round.find((x) => x.enum)?.enum, builtins, 'schemas/society.schema.json round items');
    // Completion and hover both describe a built-in phase with its meaning (format/service/roundText.ts).
    assert.deepEqual(Object.keys(BUILTIN_MEANING), builtins, 'format/assemble/roundSource.ts BUILTIN_MEANING');
    assert.deepEqual(PHASES.filter((p) => p.kind === 'act').length, 1, 'one plug-in runs every declared action phase');
  });

  it("has the trace's step names, in order, and the debugger stops at each of them", () => {
    assert.deepEqual(STEP_NAMES, [...TRACE_STEPS], 'trace/events.ts PHASES');
    const sim = Simulation.create(makeScenario(3));
    const ctx = { sim: () => sim, log: () => undefined };
    for (const step of STEP_NAMES) {
      const planned = planFunction(step, {}, ctx);
      assert.equal(planned.verified, true, `a function breakpoint on '${step}': ${planned.message ?? ''}`);
      assert.equal(planned.spec?.phase, step);
    }
    assert.equal(planFunction('no_such_phase', {}, ctx).verified, false);
  });

  it('gives every change kind one apply, and commits every change a run writes', async function () {
    const kinds = [MODEL_CHANGES, ...PHASES.map((p) => p.changes)].flatMap((t) => Object.keys(t));
    assert.equal(new Set(kinds).size, kinds.length, `a kind claimed twice: ${kinds.join(', ')}`);
    const written = new Set<string>();
    const later = Object.getOwnPropertyDescriptor(Tape.prototype, 'later')!;
    Object.defineProperty(Tape.prototype, 'later', {
      ...later,
      value(this: Tape, change: StateChange) {
        written.add(change.kind);
        (later.value as (c: StateChange) => void).call(this, change);
      },
    });
    try {
      for (const f of ['friends/friends.society', 'commons/commons.society', 'forum/forum.society']) {
        await traceOf(await example(f));
      }
    } finally {
      Object.defineProperty(Tape.prototype, 'later', later);
    }
    assert.deepEqual(
      [...written].filter((k) => !kinds.includes(k)),
      [],
    );
  });

  it("lists each plug-in's trace events as event types the trace declares", () => {
    // events.ts and the families of events it re-exports from files of their own.
    const dir = path.join(repo, 'src/core/trace');
    const main = fs.readFileSync(path.join(dir, 'events.ts'), 'utf8');
    const parts = [...main.matchAll(/^export \* from '\.\/(\w+)';$/gm)].map((m) => path.join(dir, `${m[1]}.ts`));
    const events = [main, ...parts.map((p) => fs.readFileSync(p, 'utf8'))].join('\n');
    for (const p of PHASES) {
      for (const type of p.events) assert.match(events, new RegExp(`type: '${type}'`), `${p.kind}: '${type}'`);
    }
  });

  it("has a platform verb for every verb key of the schema's action, each one applied or qualifying another", () => {
    const keys = Object.keys(schema.$defs.action.properties as Record<string, unknown>);
    const notVerbs = ['description', 'args', 'when', 'effects', 'remember', 'move'];
    assert.deepEqual(
      keys.filter((k) => !notVerbs.includes(k)),
      VERBS.map((v) => v.key),
      'schemas/society.schema.json $defs.action: a key that is neither a verb nor listed here',
    );
    // A verb without an apply qualifies another (reply_to makes a post a reply): only those.
    assert.deepEqual(
      VERBS.filter((v) => !v.apply).map((v) => v.key),
      ['reply_to'],
    );
  });

  it('is the only list of the built-in phases: no file writes them out by hand', () => {
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
        const p = path.join(dir, d.name);
        return d.isDirectory() ? files(p) : d.name.endsWith('.ts') ? [p] : [];
      });
    const listed = new RegExp(builtins.map((b) => `'${b}'`).join(',\\s*'));
    const byHand = [...files(path.join(repo, 'src')), ...files(path.join(repo, 'webview'))]
      .filter((f) => listed.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(repo, f));
    assert.deepEqual(byHand, ['src/core/format/model/mechanics.ts'], 'use BUILTIN_PHASES or the PHASES table');
  });
});
