// Issue 41, defect 15: a FIFO (or a socket) matched by an include's glob was skipped without a
// word; a persona file the author meant to include went missing silently. It is named in a warning
// at the include, and never read (a read of a FIFO blocks).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { scratchDir } from '../../support/scratch';

describe('an include glob that matches something that is not a file (issue 41: 15)', () => {
  it('warns at the include, naming the FIFO and the socket, and loads the files beside them', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = scratchDir('society-include-fifo-');
    fs.mkdirSync(path.join(dir, 'people'));
    fs.writeFileSync(path.join(dir, 'people/ana.society'), 'kind: persona\nid: ana\nname: Ana\n');
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'people/bo.society')]).status, 0);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'people/cy.society'), resolve));
    try {
      const file = path.join(dir, 's.society');
      fs.writeFileSync(
        file,
        'kind: scenario\nname: S\npersonas:\n  - include: people/*.society\nworld: { setting: x, rounds: 1 }\n',
      );
      const loaded = await loadScenarioFile(file, { root: dir });
      assert.deepEqual(
        loaded.scenario?.personas.map((p) => p.id),
        ['ana'],
      );
      const warnings = loaded.diagnostics.filter((d) => d.code === 'SOC035');
      assert.deepEqual(
        warnings.map((d) => [d.severity, d.file, d.range.start.line, d.range.start.character, d.message]),
        [
          [
            'warning',
            file,
            3,
            13,
            "Include 'people/*.society' matches people/bo.society, which is a named pipe (FIFO), not a file: it is not read",
          ],
          [
            'warning',
            file,
            3,
            13,
            "Include 'people/*.society' matches people/cy.society, which is a socket, not a file: it is not read",
          ],
        ],
      );
      assert.deepEqual(
        loaded.diagnostics.filter((d) => d.severity === 'error'),
        [],
      );
    } finally {
      server.close();
    }
  });
});
