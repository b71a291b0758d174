// The engine stays a small kernel with plug-ins (issue 43): no file of src/core/engine over 400
// lines, and a Simulation that keeps lifecycle and seams only, the rest in modules of their own.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { sourcesUnder } from './ladder';
import { Simulation } from '../../../src/core/engine';

const FILE_LIMIT = 400;
const MEMBER_LIMIT = 12;

describe('architecture: the engine kernel', () => {
  it(`has no file over ${FILE_LIMIT} lines in src/core/engine`, () => {
    const files = sourcesUnder(path.resolve(__dirname, '../../../src/core/engine'));
    assert.ok(files.size > 40);
    const long = [...files]
      .map(([file, text]) => ({ file, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) }))
      .filter((f) => f.lines > FILE_LIMIT)
      .map((f) => `${f.file} (${f.lines} lines)`);
    assert.deepEqual(long, []);
  });

  it(`keeps Simulation to at most ${MEMBER_LIMIT} methods and getters`, () => {
    const members = Object.getOwnPropertyNames(Simulation.prototype).filter((m) => m !== 'constructor');
    assert.ok(members.length <= MEMBER_LIMIT, members.join(', '));
  });
});
