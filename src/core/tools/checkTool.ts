// Check .society files: diagnostics with file:line:col (1-based) and the quick fixes the editor offers.
import * as path from 'node:path';
import { z } from 'zod';
import { NodeFileSystem, SocietyWorkspace, TooManyEntries, defaultRoot, type Diagnostic } from '../format';
import { isInside } from '../files/confined';
import { realTarget } from '../files/realTarget';
import { pathArg } from './pathArg';
import { ToolRefusal, tool } from './tool';

const MAX_SHOWN = 50;
/** Files and folders a check may walk under the folders it is given. */
export const MAX_CHECK_ENTRIES = 20_000;

function located(d: Diagnostic, cwd: string) {
  const at = (p: { line: number; character: number }) => `${p.line + 1}:${p.character + 1}`;
  const file = path.relative(cwd, d.file) || d.file;
  return {
    at: `${file}:${at(d.range.start)}`,
    severity: d.severity,
    code: d.code,
    message: d.message,
    fixes: (d.fixes ?? []).map((f) => ({
      title: f.title,
      replace: `${path.relative(cwd, f.file) || f.file}:${at(f.range.start)}-${at(f.range.end)}`,
      with: f.newText,
    })),
  };
}

export const checkTool = tool({
  name: 'society_check',
  title: 'Check a society',
  description:
    'Validate .society files (schema and cross-file checks, as `society check`): each problem with file:line:col, its code, message and the quick fixes to apply.',
  input: {
    paths: z
      .array(pathArg('read', 'a .society file or a folder searched for them'))
      .min(1)
      .max(100)
      .describe('.society files or folders searched for them'),
  },
  kind: 'read',
  async invoke({ paths: targets }, host) {
    const fs = new NodeFileSystem({ maxEntries: MAX_CHECK_ENTRIES });
    // Includes stay inside the working folder too: a repository above it does not widen the root.
    const cwd = realTarget(host.cwd);
    const root = defaultRoot(targets, cwd);
    const workspace = new SocietyWorkspace(fs, isInside(cwd, root) ? root : cwd);
    const { files, diagnostics } = await workspace.check(targets).catch((err: unknown) => {
      throw err instanceof TooManyEntries ? new ToolRefusal(err.message) : err;
    });
    const count = (s: string) => diagnostics.filter((d) => d.severity === s).reduce((n, d) => n + (d.count ?? 1), 0);
    return {
      files: files.length,
      errors: count('error'),
      warnings: count('warning'),
      problems: diagnostics.slice(0, MAX_SHOWN).map((d) => located(d, host.cwd)),
      ...(diagnostics.length > MAX_SHOWN ? { more: diagnostics.length - MAX_SHOWN } : {}),
    };
  },
});
