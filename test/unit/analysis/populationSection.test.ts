// The report's Population section: census agents tallied from the provenance in agent_added.
import assert from 'node:assert/strict';
import { PopulationCollector, populationSection } from '../../../src/core/analysis/report/populationSection';
import type { TraceEvent } from '../../../src/core/trace/events';
import type { Persona } from '../../../src/core/format/model/model';

const added = (id: string, cell: Record<string, string> | undefined): TraceEvent =>
  ({
    type: 'agent_added',
    round: 0,
    model: 'default',
    reason: 'initial',
    agent: {
      id,
      name: id,
      ...(cell ? { provenance: { tables: ['m.csv'], cell, weight: 1.5 } } : {}),
    } as unknown as Persona,
  }) as TraceEvent;

describe('report: Population section', () => {
  it('tallies census agents by attribute and category; other agents and runs add nothing', () => {
    const c = new PopulationCollector();
    c.add(added('a', { age: '18-34', sex: 'f' }));
    c.add(added('b', { age: '18-34', sex: 'm' }));
    c.add(added('c', { age: '65+', sex: 'f' }));
    c.add(added('d', undefined));
    const t = c.finish();
    assert.equal(t?.sources[0].agents, 3);
    assert.deepEqual({ ...t?.sources[0].attributes.age }, { '18-34': 2, '65+': 1 });
    const html = populationSection(t!);
    assert.match(html, /3 agents synthesised from census tables m\.csv/);
    assert.match(html, /<td>age<\/td><td>18-34<\/td><td class="num">2<\/td><td class="num">66\.7%<\/td>/);
    const none = new PopulationCollector();
    none.add(added('x', undefined));
    assert.equal(none.finish(), undefined);
  });
});
