// Before a conversation each side recalls what it knows of the other (engine/phases/meet/talks.ts holdTalks). The
// initiator used to talk from its retrieval for choosing a partner, about all its candidates,
// and greeted six in ten people it had talked with before as strangers ("nice to meet you").
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { MessageEvent, TraceEvent } from '../../../src/core/trace/events';
import { Simulation } from '../../../src/core/engine/kernel/simulation';

/** The offline model's greetings to someone it does not remember (llm/offline/phrasing.ts). */
const INTRODUCTION = /nice to meet you|^Hi \S+! I'm \S+(,| —|\.)/;

describe('recall before a conversation', () => {
  it('the initiator greets people it has talked with before as acquaintances, not as strangers', async () => {
    const { scenario } = await loadScenarioFile(path.join(__dirname, '../../../examples/friends/friends.society'));
    const sim = Simulation.create(scenario!);
    const events: TraceEvent[] = [];
    sim.on((e) => {
      events.push(e);
    });
    await sim.run();
    const talked = new Set<string>();
    const pair = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
    let again = 0,
      introduced = 0,
      firsts = 0,
      welcomedFirst = 0;
    for (const e of events) {
      if (e.type !== 'message') continue;
      const m = e as MessageEvent;
      if (m.turn === 0 && m.act === 'greet' && m.to) {
        const known = talked.has(pair(m.from, m.to));
        if (known) {
          again++;
          if (INTRODUCTION.test(m.text)) introduced++;
        } else {
          firsts++;
          if (!INTRODUCTION.test(m.text)) welcomedFirst++;
        }
      }
      if (m.to) talked.add(pair(m.from, m.to));
    }
    assert.ok(again > 300 && firsts > 30, `enough greetings to judge: ${again} again, ${firsts} first`);
    assert.equal(welcomedFirst, 0, 'nobody is welcomed back at a first meeting');
    assert.ok(introduced / again < 0.1, `${introduced} of ${again} greetings to an acquaintance were introductions`);
  });
});
