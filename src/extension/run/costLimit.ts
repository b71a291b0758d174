// The cost limit per run (setting society.run.costLimit): before a run whose estimate is above it,
// or whose cost cannot be estimated, a modal asks — Run Anyway or Cancel. Nothing is spent before.
import * as vscode from 'vscode';
import type { RunEstimate } from '../../core/llm/estimate';
import { costLimitReason } from './runSettings';

/** True when the run may go ahead. */
export async function confirmCost(estimate: RunEstimate, limitUsd: number | undefined): Promise<boolean> {
  const reason = costLimitReason(estimate, limitUsd);
  if (!reason) return true;
  const detail = 'The estimate assumes typical prompt and answer lengths and no retries (`society estimate` shows its details). '
    + 'Change the limit in Settings › Society Studio › Run: Cost Limit; 0 turns the check off.';
  return (await vscode.window.showWarningMessage(reason, { modal: true, detail }, 'Run Anyway')) === 'Run Anyway';
}
