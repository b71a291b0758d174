// Prompt placeholders: found as the former regex found them, in linear time, and each unknown one
// reported at its own occurrence, also when a prompt holds tens of thousands of them.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertLinear } from '../../support/scaling';
import {
  OverlayFileSystem,
  NodeFileSystem,
  SocietyWorkspace,
  renderTemplate,
  templateVariables,
} from '../../../src/core/format';

/** The former pattern: the oracle for short texts (cubic on runs of spaces after `{{`). */
function former(template: string) {
  const re = /\{\{\s*([^{}]*?)\s*\}\}/g;
  const out: { name: string; start: number; end: number }[] = [];
  for (let m = re.exec(template); m; m = re.exec(template)) {
    out.push({ name: m[1], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

describe('prompt template placeholders', () => {
  it('are found as the former pattern found them (5,000 random texts)', () => {
    const unit = fc.constantFrom('{', '{', '}', '}', ' ', '\t', '\n', 'a', '.', '\u00a0');
    fc.assert(
      fc.property(fc.string({ maxLength: 24, unit }), (text) => {
        assert.deepEqual(templateVariables(text), former(text));
      }),
      { numRuns: 5000, seed: 5 },
    );
  });

  it('render with spaces inside the braces, leaving unknown names alone', () => {
    assert.equal(
      renderTemplate('Hi {{ persona.name }}, {{nope}} {{persona.name}}', { 'persona.name': 'Maya' }),
      'Hi Maya, {{nope}} Maya',
    );
  });

  it('are linear on a run of spaces after an unclosed {{ (the former pattern took 20 s for 4,000, minutes for 8,000)', function () {
    this.timeout(3000);
    assert.deepEqual(templateVariables(`{{${' '.repeat(4000)}x`), []);
    const spaces = ' '.repeat(200_000);
    assert.deepEqual(
      templateVariables(`{{${spaces}x${spaces}}}`).map((v) => v.name),
      ['x'],
    );
  });

  describe('unknown variables in a scenario', () => {
    async function resolve(text: string) {
      const fs = new OverlayFileSystem(new NodeFileSystem());
      fs.set('/v/s.society', text);
      return (await new SocietyWorkspace(fs, '/v').resolveScenario('/v/s.society')).diagnostics.filter(
        (d) => d.code === 'SOC050',
      );
    }

    it('each occurrence of a repeated variable at its own place', async () => {
      const found = await resolve(
        'kind: scenario\nname: x\npersonas: [{ id: a, name: A }]\nprompts:\n  system: "{{topic}} and {{topic}}, {{ topic }}"\n',
      );
      assert.deepEqual(
        found.map((d) => [d.range.start.character, d.range.end.character]),
        [
          [11, 20],
          [25, 34],
          [36, 47],
        ],
      );
    });

    it('the whole value where escapes make the written text differ', async () => {
      const found = await resolve(
        'kind: scenario\nname: x\npersonas: [{ id: a, name: A }]\nprompts:\n  system: "{{\\x74opic}} {{topic}}"\n',
      );
      assert.deepEqual(
        found.map((d) => [d.range.start.character, d.range.end.character]),
        [
          [10, 34],
          [24, 33],
        ],
      );
    });

    it('100,000 of them in one pass (about half a minute when each was searched from the start)', async function () {
      const promptOf = (n: number) => Array.from({ length: n }, (_, i) => `{{v${i}}}`).join(' ');
      const found = async (n: number) =>
        resolve(`kind: scenario\nname: x\npersonas: [{ id: a, name: A }]\nprompts: { system: "${promptOf(n)}" }\n`);
      // In one pass: the time grows with the count, not with its square.
      await assertLinear('unknown template variables', 6_000, found);
      const n = 100_000;
      const prompt = promptOf(n);
      const all = await found(n);
      assert.equal(all.length, n);
      const last = all[n - 1];
      assert.match(last.message, /'\{\{v99999\}\}'/);
      assert.equal(last.range.start.character, `prompts: { system: "${prompt}`.length - `{{v${n - 1}}}`.length);
    });
  });
});
