// No function in src/ is longer than 100 lines: a longer one is several ideas that want names.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import ts from 'typescript';
import { sourcesUnder } from './ladder';

const LIMIT = 100;

/** Functions longer than `limit` lines in `text`: `name:line (lines)`. */
export function longFunctions(file: string, text: string, limit = LIMIT): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      if (last - first + 1 > limit) found.push(`${file}:${first + 1} ${name} (${last - first + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('architecture: function length', () => {
  it(`has no function over ${LIMIT} lines in src/`, () => {
    const src = path.resolve(__dirname, '../../../src');
    const files = sourcesUnder(src);
    assert.ok(files.size > 100);
    assert.deepEqual(
      [...files].flatMap(([file, text]) => longFunctions(file, text)),
      [],
    );
  });

  it(`has none in webview/ either (the society view's own code)`, () => {
    const webview = path.resolve(__dirname, '../../../webview');
    const files = sourcesUnder(webview);
    assert.ok(files.size > 10);
    assert.deepEqual(
      [...files].flatMap(([file, text]) => longFunctions(file, text)),
      [],
    );
  });

  it('counts a function from its first line to its last', () => {
    const body = Array.from({ length: 98 }, (_, i) => `  const x${i} = ${i};`).join('\n');
    assert.deepEqual(longFunctions('a.ts', `function ok() {\n${body}\n}`), []);
    assert.deepEqual(longFunctions('b.ts', `const f = () => {\n${body}\n  return 1;\n};`), [
      'b.ts:1 (anonymous) (101 lines)',
    ]);
  });
});
