// The VS Code side of trust/policy.ts. Menus hide some gated commands with `isWorkspaceTrusted`,
// but the palette, keybindings, CodeLens and other extensions can still invoke them, so every
// gated entry point asks here first.
import * as vscode from 'vscode';
import { allowed, MANAGE_TRUST, MANAGE_TRUST_COMMAND, refusalMessage, type Capability } from './policy';

/** True when `capability` may run now; otherwise says why (offering Manage Workspace Trust) and returns false. */
export function requireTrust(capability: Capability): boolean {
  if (allowed(capability, vscode.workspace.isTrusted)) return true;
  void vscode.window.showWarningMessage(refusalMessage(capability), MANAGE_TRUST).then((choice) => {
    if (choice === MANAGE_TRUST) void vscode.commands.executeCommand(MANAGE_TRUST_COMMAND);
  });
  return false;
}

/** For code that runs without a user gesture (a model call): fails with the same message, no notification. */
export class WorkspaceNotTrusted extends Error {
  constructor(capability: Capability) {
    super(refusalMessage(capability));
  }
}

export function assertTrusted(capability: Capability): void {
  if (!allowed(capability, vscode.workspace.isTrusted)) throw new WorkspaceNotTrusted(capability);
}
