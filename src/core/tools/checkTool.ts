// Check .society files: diagnostics with file:line:col (1-based) and the quick fixes the editor offers.
import * as path from 'node:path';
import { z } from 'zod';
import { NodeFileSystem, SocietyWorkspace, defaultRoot, type Diagnostic } from '../format';
import { tool } from './tool';

const MAX_SHOWN = 50;

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
  input: { paths: z.array(z.string()).min(1).describe('.society files or folders searched for them') },
  kind: 'read',
  async invoke({ paths }, host) {
    const targets = paths.map((p) => path.resolve(host.cwd, p));
    const workspace = new SocietyWorkspace(new NodeFileSystem(), path.resolve(defaultRoot(targets)));
    const { files, diagnostics } = await workspace.check(targets);
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
