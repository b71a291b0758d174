// Issue 58, kind 1: a record keyed by names a user wrote is a Map or a null-prototype record from
// nameRecord(). The guard is an ESLint rule on src; this runs the project's own configuration on
// snippets placed at a real src path, so turning the rule off or narrowing it fails here.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../../..');
const AT = path.join(ROOT, 'src/core/text/nameRecord.ts');

async function flagged(code: string): Promise<number[]> {
  // The project's configuration as it stands, this one rule only: type information (the slow part)
  // is not needed to see a literal's shape.
  const eslint = new ESLint({
    cwd: ROOT,
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-syntax',
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  });
  const [result] = await eslint.lintText(code, { filePath: AT });
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-syntax' && /nameRecord\(\)/.test(m.message))
    .map((m) => m.line);
}

describe('the lint rule that keeps names off Object.prototype', () => {
  it('refuses an empty {} typed Record in a variable, a class field, a default parameter and an `as`', async () => {
    const code = [
      'export const counts: Record<string, number> = {};',
      'export class Tally {',
      '  readonly byName: Record<string, string[]> = {};',
      '}',
      'export function f(seen: Record<string, boolean> = {}): unknown {',
      '  return [seen, {} as Record<string, number>];',
      '}',
    ].join('\n');
    assert.deepEqual(await flagged(code), [1, 3, 5, 6]);
  });

  it('passes nameRecord(), a Map and a literal written out in full', async () => {
    const code = [
      'import { nameRecord } from "./nameRecord";',
      'export const counts: Record<string, number> = nameRecord();',
      'export const byName = new Map<string, number>();',
      'export const fixed: Record<string, number> = { a: 1 };',
    ].join('\n');
    assert.deepEqual(await flagged(code), []);
  });
});
