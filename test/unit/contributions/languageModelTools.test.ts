// package.json's languageModelTools are the tool table's (core/tools): the same names, words and
// input schemas, so the editor and `society mcp` cannot drift apart. Regenerate with
// `languageModelToolContributions()` when a tool changes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageModelToolContributions } from '../../../src/core/tools/contributions';
import { TOOLS } from '../../../src/core/tools/tools';

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));

describe('contributions: language-model tools', () => {
  it('contributes every tool of the table, with its schema', () => {
    assert.equal(TOOLS.length, new Set(TOOLS.map((t) => t.name)).size, 'tool names are unique');
    assert.deepEqual(pkg.contributes.languageModelTools, languageModelToolContributions());
  });

  it('gives every input property a description the model reads', () => {
    for (const entry of pkg.contributes.languageModelTools) {
      for (const [key, schema] of Object.entries(
        entry.inputSchema.properties as Record<string, { description?: string }>,
      )) {
        assert.ok(schema.description, `${entry.name}.${key}`);
      }
    }
  });
});
