// Every file under test/fixtures/invalid declares the diagnostics it must produce, as trailing
// `# expect: L:C-L:C severity CODE` comments (1-based, exact ranges), or `# expect: none`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem, SocietyWorkspace } from '../../../src/core/format';

const fixtures = path.resolve(__dirname, '../../fixtures');
const invalid = path.join(fixtures, 'invalid');

function societyFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? societyFiles(path.join(dir, e.name))
        : e.name.endsWith('.society')
          ? [path.join(dir, e.name)]
          : [],
    );
}

function expectations(file: string): string[] {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('# expect: '))
    .map((l) => l.slice('# expect: '.length).trim());
  return lines.filter((l) => l !== 'none').sort();
}

describe('invalid fixtures', () => {
  const files = societyFiles(invalid);
  let byFile: Map<string, string[]>;

  before(async () => {
    const workspace = new SocietyWorkspace(new NodeFileSystem(), fixtures);
    const { diagnostics } = await workspace.check([invalid]);
    byFile = new Map();
    for (const d of diagnostics) {
      const r = d.range;
      const entry = `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${d.severity} ${d.code}`;
      byFile.set(d.file, [...(byFile.get(d.file) ?? []), entry]);
    }
  });

  it('has fixtures, each with a declared expectation', () => {
    assert.ok(files.length >= 20, `only ${files.length} fixtures`);
    for (const f of files) assert.ok(fs.readFileSync(f, 'utf8').includes('# expect: '), `${f} declares no expectation`);
  });

  for (const file of files) {
    it(path.relative(invalid, file), () => {
      assert.deepEqual((byFile.get(file) ?? []).sort(), expectations(file));
    });
  }

  it('covers every diagnostic code family of the format layer', () => {
    const seen = new Set([...byFile.values()].flat().map((e) => e.split(' ').pop()));
    for (const code of [
      'SOC001',
      'SOC002',
      'SOC003',
      'SOC010',
      'SOC011',
      'SOC012',
      'SOC013',
      'SOC020',
      'SOC021',
      'SOC022',
      'SOC030',
      'SOC031',
      'SOC032',
      'SOC040',
      'SOC041',
      'SOC042',
      'SOC043',
      'SOC050',
      'SOC051',
      'SOC052',
      'SOC054',
      'SOC055',
      'SOC056',
      'SOC057',
      'SOC058',
      'SOC059',
      'SOC060',
    ]) {
      assert.ok(seen.has(code), `no fixture produces ${code}`);
    }
  });
});
