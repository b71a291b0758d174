// docs/format.md is generated from the schema; a schema change without regenerating it fails here.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

describe('format reference', () => {
  it('docs/format.md matches schemas/society.schema.json', () => {
    const repo = path.resolve(__dirname, '../../..');
    const r = spawnSync(process.execPath, [path.join(repo, 'scripts/format-reference.mjs'), '--check'], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
  });
});
