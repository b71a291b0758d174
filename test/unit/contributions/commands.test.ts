// The extension's commands are one table (src/extension/commands/table.ts). The table imports
// `vscode`, which unit tests cannot load, so it is read with the TypeScript parser: what the
// compiler cannot see — package.json's palette, menus and the ids other code executes — is held to
// it here, and no other file registers a command.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const repo = path.resolve(__dirname, '../../..');
const TABLE = 'src/extension/commands/table.ts';
/** The one command registered outside the table: a test's probe, present only under its environment variable. */
const PROBE = 'society.e2e.invokeTools';

function tableEntries(): { id: string; internal: boolean }[] {
  const file = path.join(repo, TABLE);
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const entries: { id: string; internal: boolean }[] = [];
  source.forEachChild((node) => {
    if (!ts.isVariableStatement(node)) return;
    for (const decl of node.declarationList.declarations) {
      if (decl.name.getText() !== 'COMMANDS' || !decl.initializer || !ts.isObjectLiteralExpression(decl.initializer)) {
        continue;
      }
      for (const prop of decl.initializer.properties) {
        if (!ts.isPropertyAssignment(prop) || !ts.isStringLiteral(prop.name)) continue;
        const value = prop.initializer;
        const internal =
          ts.isObjectLiteralExpression(value) &&
          value.properties.some(
            (p) =>
              p.name?.getText() === 'internal' &&
              ts.isPropertyAssignment(p) &&
              p.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
        entries.push({ id: prop.name.text, internal });
      }
    }
  });
  return entries;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));

describe("the extension's command table", () => {
  const entries = tableEntries();
  const ids = new Set(entries.map((e) => e.id));

  it('is read (the parser found the table)', () => {
    assert.ok(entries.length >= 20, `${entries.length} entries found in ${TABLE}`);
    assert.equal(ids.size, entries.length, 'an id twice');
  });

  it('offers in the palette exactly its entries that are not internal', () => {
    const contributed = (pkg.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    const offered = entries
      .filter((e) => !e.internal)
      .map((e) => e.id)
      .sort();
    assert.deepEqual(contributed, offered);
  });

  it('holds every command a menu names', () => {
    for (const [menu, items] of Object.entries(pkg.contributes.menus as Record<string, { command?: string }[]>)) {
      for (const item of items) if (item.command) assert.ok(ids.has(item.command), `${menu}: ${item.command}`);
    }
  });

  it('holds every society command the code executes, and only the table registers commands', () => {
    const files = [...sourceFiles(path.join(repo, 'src')), ...sourceFiles(path.join(repo, 'webview'))];
    const registering: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(repo, file);
      for (const m of text.matchAll(/executeCommand\(\s*'(society\.[\w.]+)'/g)) {
        assert.ok(ids.has(m[1]!), `${rel}: ${m[1]}`);
      }
      for (const m of text.matchAll(/command:\s*'(society\.[\w.]+)'/g)) {
        assert.ok(ids.has(m[1]!) || m[1] === PROBE, `${rel}: ${m[1]}`);
      }
      if (/registerCommand\(/.test(text)) registering.push(rel);
    }
    assert.deepEqual(registering.sort(), ['src/extension/extension.ts', 'src/extension/tools/toolProbe.ts']);
  });
});
