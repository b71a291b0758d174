// src/core is a strict ladder of floors (ladder.ts): no import climbs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { climbs, FLOORS, floorOf, pastSurface, ROOMS, sourcesUnder, SURFACES } from './ladder';

const repo = path.resolve(__dirname, '../../..');
const core = path.join(repo, 'src/core');

describe('architecture: the core ladder', () => {
  it('places every folder of src/core on a floor, and every subfolder of a floor with rooms in a room', () => {
    const folders = fs
      .readdirSync(core, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    assert.deepEqual(
      folders.filter((f) => floorOf(f) < 0),
      [],
      `floors: ${JSON.stringify(FLOORS)}`,
    );
    for (const [folder, rooms] of Object.entries(ROOMS)) {
      const surfaces = ['index', ...(SURFACES[`src/core/${folder}`] ?? [])].map((s) => `${s}.ts`);
      const entries = fs.readdirSync(path.join(core, folder), { withFileTypes: true });
      assert.deepEqual(
        entries.filter((e) => e.isDirectory() && !rooms.includes(e.name)).map((e) => e.name),
        [],
        `${folder}'s rooms: ${rooms.join(', ')}`,
      );
      assert.deepEqual(
        entries.filter((e) => e.isFile() && !surfaces.includes(e.name)).map((e) => e.name),
        [],
        `${folder} keeps its modules in rooms`,
      );
    }
  });

  it('has no import that climbs to a higher floor or reaches sideways on its own floor', () => {
    const files = sourcesUnder(core);
    assert.ok(files.size > 100);
    const found = climbs(files).map((c) => `${c.from}:${c.line} → ${c.to}`);
    assert.deepEqual(found, []);
  });

  it('catches a climbing import, a sideways one, a type-only one and a dynamic one', () => {
    const files = new Map([
      ['format/model/model.ts', "import { x } from '../../engine/simulation';\nimport { y } from './position';"],
      ['llm/types.ts', "import type { Simulation } from '../engine/simulation';"],
      ['memory/a.ts', "import { b } from '../debug/b';\nimport { t } from '../trace/events';"],
      ['trace/writer.ts', "const m = await import('../analysis/report');"],
      ['engine/step.ts', "import { rng } from '../random/rng';\nexport { z } from '../llm/types';"],
      [
        'format/syntax/parse.ts',
        "import { complete } from '../service/completion';\nimport { m } from '../model/model';",
      ],
      ['format/service/hover.ts', "import { m } from '../model/model';"],
      ['format/model/diagnostics.ts', "import type { P } from '../syntax/parse';"],
      ['analysis/metrics/degrees.ts', "import { svg } from '../report/networkSvg';"],
      ['analysis/index.ts', "export * from './report/reportHtml';"],
    ]);
    assert.deepEqual(
      climbs(files).map((c) => `${c.from}:${c.line} → ${c.to}`),
      [
        'format/model/model.ts:1 → engine/simulation',
        'llm/types.ts:1 → engine/simulation',
        'memory/a.ts:1 → debug/b',
        'trace/writer.ts:1 → analysis/report',
        'format/syntax/parse.ts:1 → format/service/completion',
        'format/model/diagnostics.ts:1 → format/syntax/parse',
        'analysis/metrics/degrees.ts:1 → analysis/report/networkSvg',
      ],
    );
  });

  it('reaches format, engine, analysis and experiment only through their doors, webviews included', () => {
    const prefixed = (dir: string): Map<string, string> =>
      new Map([...sourcesUnder(path.join(repo, dir))].map(([f, t]) => [`${dir}/${f}`, t]));
    const files = new Map([...prefixed('src'), ...prefixed('webview')]);
    // No exemption: the webviews, bundled for a browser, enter by the pure doors (format, engine,
    // analysis), as the indexes reach the file system.
    for (const [folder, doors] of Object.entries(SURFACES)) {
      console.log(`      doors of ${folder}: ${doors.map((d) => `${d}.ts`).join(', ')}`);
    }
    const found = pastSurface(files).map((c) => `${c.from}:${c.line} → ${c.to}`);
    assert.deepEqual(found, []);
  });

  it('catches an import past an index, and lets the folder itself and its surfaces be', () => {
    const files = new Map([
      ['src/core/engine/a.ts', "import { m } from '../format/language/model';\nimport { x } from '../format';"],
      ['src/cli/b.ts', "import type { R } from '../core/analysis/report/reportModel';"],
      ['webview/c.ts', "import { D } from '../src/core/format/pure';"],
      ['src/core/format/language/d.ts', "import { e } from '../service/hover';"],
      ['src/core/analysis/metrics/e.ts', "import { f } from '../../format/language/parse';"],
      ['src/core/replay/f.ts', "import { T } from '../engine/society/ties';\nimport { U } from '../engine/pure';"],
      ['src/core/tools/g.ts', "import { e } from '../experiment';\nimport { c } from '../experiment/experimentCost';"],
      [
        'webview/h.ts',
        "import { p } from '../src/core/analysis/pure';\nimport { q } from '../src/core/analysis/report/palette';",
      ],
    ]);
    assert.deepEqual(
      pastSurface(files).map((c) => `${c.from}:${c.line} → ${c.to}`),
      [
        'src/core/engine/a.ts:1 → src/core/format/language/model',
        'src/cli/b.ts:1 → src/core/analysis/report/reportModel',
        'src/core/analysis/metrics/e.ts:1 → src/core/format/language/parse',
        'src/core/replay/f.ts:1 → src/core/engine/society/ties',
        'src/core/tools/g.ts:2 → src/core/experiment/experimentCost',
        'webview/h.ts:2 → src/core/analysis/report/palette',
      ],
    );
  });
});
