import * as assert from 'node:assert/strict';
import { nameIn } from '../../../src/core/llm/offline/cues';

describe('offline model: names in memories', () => {
  it("reads a partner's full name, accented capitals included, else falls back to the id", () => {
    assert.equal(nameIn('Talked with Maya Chen about climbing.', 'maya'), 'Maya Chen');
    assert.equal(nameIn('I rated my conversation with Diego Álvarez 0.71: we made a plan.', 'diego'), 'Diego Álvarez');
    assert.equal(nameIn('Talked with Élodie Moreau about jazz.', 'elodie'), 'Élodie Moreau');
    assert.equal(nameIn("Talked with Zoë O'Brien-Smith about jazz.", 'zoe'), "Zoë O'Brien-Smith");
    assert.equal(nameIn('Talked with someone about jazz.', 'x1'), 'x1');
  });
});
