// The agent panel's trait and motivation bars show only what the world declares (issue 73): the
// public goods example's players declare none and got ten identical 0.50 bars each.
import assert from 'node:assert/strict';
import { DRIVERS, TRAIT_NAMES, UNDECLARED_WEIGHT } from '../../../src/core/format/pure';
import { societySchema } from '../../../src/core/format/schema/schema';
import { TraceModel } from '../../../webview/model/traceModel';
import { DeclaredWeights } from '../../../webview/model/declaredWeights';
import type { EmbeddedTrace } from '../../../src/core/protocol/embeddedTrace';
import { exampleRun, hostileRun } from '../../webview/fixtures';

const modelOf = (trace: EmbeddedTrace): TraceModel => {
  const m = new TraceModel();
  m.load(trace.source, trace.header, trace.events, trace.state);
  return m;
};

const personaOf = (m: TraceModel, id: string) => m.stateAt(m.lastRound)!.agents.get(id)!.persona;

describe('declared traits and motivations (the agent panel’s bars)', () => {
  it('takes the schema’s default as what nothing declared', () => {
    const defs = societySchema.$defs.inlinePersona as unknown as {
      properties: Record<'traits' | 'motivations', { properties: Record<string, { default: number }> }>;
    };
    for (const t of TRAIT_NAMES) assert.equal(defs.properties.traits.properties[t].default, UNDECLARED_WEIGHT, t);
    for (const d of DRIVERS) assert.equal(defs.properties.motivations.properties[d].default, UNDECLARED_WEIGHT, d);
  });

  it('the public goods example declares none: no bar for any player', async () => {
    const m = modelOf(await exampleRun('public-goods', { rounds: 1 }));
    assert.deepEqual(m.weights.traits, []);
    assert.deepEqual(m.weights.motivations, []);
    assert.deepEqual(m.weights.of(personaOf(m, 'p1')), { traits: [], motivations: [] });
  });

  it('a society whose personas declare every trait and weight shows all ten', async () => {
    const m = modelOf(await hostileRun(4, 1));
    assert.deepEqual(m.weights.of(personaOf(m, 'p1')), { traits: [...TRAIT_NAMES], motivations: [...DRIVERS] });
  });

  it('a group declaring one trait shows that one; a persona declaring none in that world shows none', async () => {
    const m = modelOf(
      await exampleRun('public-goods', {
        rounds: 1,
        edit: (s) => {
          s.population[0].traits = { agreeableness: { uniform: { min: 0, max: 1 } } };
          s.population[0].motivations = { support: 0.9 };
        },
      }),
    );
    assert.deepEqual(m.weights.of(personaOf(m, 'p1')), { traits: ['agreeableness'], motivations: ['support'] });
    const w = new DeclaredWeights();
    const declares = {
      traits: { ...personaOf(m, 'p1').traits, openness: 0.8 },
      motivations: personaOf(m, 'p2').motivations,
    };
    const none = {
      traits: Object.fromEntries(TRAIT_NAMES.map((t) => [t, UNDECLARED_WEIGHT])) as typeof declares.traits,
      motivations: Object.fromEntries(DRIVERS.map((d) => [d, UNDECLARED_WEIGHT])) as typeof declares.motivations,
    };
    w.add(declares);
    w.add(none);
    assert.deepEqual(w.of(none), { traits: [], motivations: [] });
    assert.ok(w.of(declares).traits.includes('openness'));
  });

  it('a trait an edit set is the world’s', () => {
    const w = new DeclaredWeights();
    w.edited('neuroticism');
    assert.deepEqual(w.traits, ['neuroticism']);
  });
});
