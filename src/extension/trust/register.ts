// Workspace trust as one feature for extension.ts's table. Gated commands check trust themselves
// (guard.ts); this re-validates when the user grants trust, because includes that were refused in
// Restricted Mode can be read now. Trust cannot be revoked without a window reload, so there is
// no opposite event to handle.
import * as vscode from 'vscode';
import type { SocietyContext } from '../context';

export function registerTrust(ctx: SocietyContext): vscode.Disposable[] {
  return [
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void ctx.projects.revalidate();
    }),
  ];
}
