// A run a real language model made (SmolLM2-135M-Instruct through `provider: local`, memories
// ranked by its own embeddings: test/fixtures/real-model-run, recorded with `society run` on the
// friends example cut to 6 agents × 2 rounds) opened as a user would: in the society view and the
// memory inspector. The e2e stage has no model (the model stage runs after it), so the trace is a
// recording; what is checked is that the views show the model's own words, names and ties.
// Screenshots: real-model-society-view, real-model-memory-inspector.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openTrace } from './openTrace';
import { useWorkbench } from './session';
import { openMemories } from './worldSteps';

const FIXTURE = path.resolve(__dirname, '../fixtures/real-model-run');
const TRACE = 'runs/smollm2/trace.jsonl';

type Line = Record<string, any>;
const lines = (): Line[] =>
  fs
    .readFileSync(path.join(FIXTURE, TRACE), 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

describe("a real model's run in the society view and the memory inspector (code-server + Chromium)", function () {
  const s = useWorkbench('real-model', (ws) => fs.cpSync(FIXTURE, ws, { recursive: true }));

  it("the society view draws the run's agents and ties, and its trace table holds the model's words", async () => {
    const trace = lines();
    const header = trace[0];
    assert.equal(header.models.default.provider, 'local', 'the fixture is a local model run');
    const agents = trace.filter((l) => l.type === 'agent_added').length;
    const last = Math.max(...trace.filter((l) => l.type === 'round_end').map((l) => l.round));
    const said = trace.find((l) => l.type === 'message' && String(l.text).trim().length > 12);
    assert.ok(said, 'the recorded run has a message');
    const view = await openTrace(s, TRACE);
    await view.locator(`.network[data-round="${last}"]`).waitFor();
    assert.equal(await view.locator('.network g.agents g.agent').count(), agents);
    // The model's words, as the trace table shows them: its search finds the message's row.
    const words = String(said.text).trim().slice(0, 24);
    await view.locator('.trace input.search').fill(words);
    await view.locator('.trace .vrow', { hasText: words }).first().waitFor();
    await s.wb.screenshot('real-model-society-view');
  });

  it('the memory inspector lists what an agent remembers, in the words the model wrote', async () => {
    const trace = lines();
    const names = new Map(trace.filter((l) => l.type === 'agent_added').map((l) => [l.agent.id, l.agent.name]));
    const written = trace.find(
      (l) => l.type === 'memory' && ['conversation', 'evaluation'].includes(l.memory.kind) && l.memory.text.length > 20,
    );
    assert.ok(written, 'the recorded run has a memory of a conversation');
    const inspector = await openMemories(s.wb, written.agent, names.get(written.agent)!);
    await inspector.locator('body', { hasText: String(written.memory.text).slice(0, 30) }).waitFor();
    await s.wb.screenshot('real-model-memory-inspector');
  });
});
