// src/core runs in plain Node (CLI, tests, workers): it must never import 'vscode'.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? sources(path.join(dir, e.name))
        : /\.(ts|js|mjs|cjs)$/.test(e.name)
          ? [path.join(dir, e.name)]
          : [],
    );
}

describe('architecture', () => {
  it('src/core never imports vscode', () => {
    const core = path.resolve(__dirname, '../../../src/core');
    const files = sources(core);
    assert.ok(files.length > 10);
    const offenders = files.filter((f) =>
      /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/.test(
        fs.readFileSync(f, 'utf8'),
      ),
    );
    assert.deepEqual(
      offenders.map((f) => path.relative(core, f)),
      [],
    );
  });

  it('the check itself catches an import of vscode', () => {
    const pattern = /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/;
    assert.ok(pattern.test("import * as vscode from 'vscode';"));
    assert.ok(pattern.test("const vscode = require('vscode');"));
    assert.ok(!pattern.test("import { x } from './vscode-like';"));
  });
});
