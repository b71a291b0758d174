// One table of instrument plug-ins (engine/instruments/table.ts INSTRUMENTS) beside the phases'
// (issue 59): what the compiler cannot name of an instrument fails here by name — the schema's key
// that declares it, the trace events it writes (declared by the trace, and every event a run adds
// through it listed), and the kernel reaching it only through the table, with a short import list.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INSTRUMENTS } from '../../../src/core/engine/instruments/table';
import { ROUND_END } from '../../../src/core/engine/kernel/roundEnd';
import type { Scenario } from '../../../src/core/format/model/model';
import { TRACE_EVENT_TYPES } from '../../../src/core/trace/events';
import { example, traceLines, traceOf } from '../engine/traceHelpers';

const repo = path.resolve(__dirname, '../../..');
const schema = JSON.parse(fs.readFileSync(path.join(repo, 'schemas/society.schema.json'), 'utf8'));
const kernel = path.join(repo, 'src/core/engine/kernel');

/** The files a module imports (relative specifiers, type-only and re-exports too), each once. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/\b(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return [...new Set(specs.map((s) => (s.startsWith('.') ? path.resolve(path.dirname(file), s) : s)))];
}

/** Each event type of a trace with its count. */
function counts(trace: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of traceLines(trace)) out.set(String(e.type), (out.get(String(e.type)) ?? 0) + 1);
  return out;
}

/** An example that declares each instrument (its key), to run with and without it. */
const EXAMPLE_OF: Record<string, string> = {
  surveys: 'friends/friends.society',
  judges: 'expert-team/expert-team.society',
};

describe('the instruments table', () => {
  it("declares each instrument by a key of the schema's scenario, once", () => {
    const keys = INSTRUMENTS.map((i) => i.key);
    assert.equal(new Set(keys).size, keys.length, keys.join(', '));
    for (const k of keys) {
      assert.ok(schema.$defs.scenario.properties[k], `schemas/society.schema.json $defs.scenario.properties.${k}`);
    }
  });

  it("lists each instrument's events as event types the trace declares", () => {
    // events.ts and the families of events it re-exports from files of their own.
    const dir = path.join(repo, 'src/core/trace');
    const main = fs.readFileSync(path.join(dir, 'events.ts'), 'utf8');
    const parts = [...main.matchAll(/^export \* from '\.\/(\w+)';$/gm)].map((m) => path.join(dir, `${m[1]}.ts`));
    const events = [main, ...parts.map((p) => fs.readFileSync(p, 'utf8'))].join('\n');
    for (const i of INSTRUMENTS) {
      assert.ok(i.events.length > 0, `${i.key} writes no event`);
      for (const type of i.events) {
        assert.match(events, new RegExp(`type: '${type}'`), `${i.key}: '${type}'`);
        assert.ok(TRACE_EVENT_TYPES.includes(type), `trace/events.ts TRACE_EVENT_TYPES: '${type}' (${i.key})`);
      }
    }
  });

  it('lists every event a run adds through an instrument (the run with it less the run without it)', async function () {
    for (const i of INSTRUMENTS) {
      const file = EXAMPLE_OF[i.key];
      assert.ok(file, `test/unit/architecture/instruments.test.ts EXAMPLE_OF: an example that declares '${i.key}'`);
      const sc = await example(file);
      assert.ok(sc[i.key] !== undefined, `${file} declares ${i.key}`);
      const without: Scenario = { ...sc, [i.key]: undefined };
      const [withIt, withoutIt] = [counts(await traceOf(sc)), counts(await traceOf(without))];
      const added = [...withIt].filter(([type, n]) => n > (withoutIt.get(type) ?? 0)).map(([type]) => type);
      assert.ok(added.length > 0, `${i.key} added no event to ${file}`);
      // round_end's usage and the header change with the instrument's calls, never their count.
      assert.deepEqual(
        added.filter((t) => !i.events.includes(t as never)),
        [],
        `${i.key}: events it writes but does not list`,
      );
      assert.deepEqual(
        [...withoutIt].filter(([type, n]) => n > (withIt.get(type) ?? 0)),
        [],
        `${i.key} took events away`,
      );
    }
  });

  it("has the kernel's own end-of-round hooks, named once each", () => {
    assert.deepEqual(
      ROUND_END.map((h) => `${h.at}:${h.name}`),
      ['closed:generations', 'ended:tie decay'],
    );
  });

  it('is reached by the kernel through the table only, and the round runner imports at most 12 files', () => {
    const instruments = path.join(repo, 'src/core/engine/instruments');
    for (const f of fs.readdirSync(kernel).filter((x) => x.endsWith('.ts'))) {
      const past = importsOf(path.join(kernel, f)).filter(
        (m) => m.startsWith(instruments + path.sep) && !/instruments\/(table|instrument)$/.test(m),
      );
      assert.deepEqual(past, [], `kernel/${f} imports an instrument past the table`);
    }
    const rounds = importsOf(path.join(kernel, 'rounds.ts'));
    assert.ok(rounds.length <= 12, `kernel/rounds.ts imports ${rounds.length} files:\n${rounds.join('\n')}`);
  });
});
