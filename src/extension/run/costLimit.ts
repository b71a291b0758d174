// The cost limit (setting society.run.costLimit): before a run, a debug session or an experiment
// whose estimate is above it, or whose cost cannot be estimated, a modal asks — Run Anyway or
// Cancel. Nothing is spent before. The reasons are worded in runSettings / experimentCost.
import * as vscode from 'vscode';
import type { RunEstimate } from '../../core/llm/estimate';
import { runSettingsFrom, type RunSettings } from './runSettings';
import { costLimitReason, type CostSubject } from '../../core/llm/costLimit';

/** The Society Studio settings as they are now (read at each start, so a change applies to the next one). */
export function currentRunSettings(): RunSettings {
  const config = vscode.workspace.getConfiguration('society');
  return runSettingsFrom((key) => config.get(key));
}

/** True when the run may go ahead. */
export function confirmCost(
  estimate: RunEstimate,
  limitUsd: number | undefined,
  subject?: CostSubject,
): Promise<boolean> {
  return confirmCostReason(costLimitReason(estimate, limitUsd, subject));
}

/** True when there is no reason to ask, or the user chose Run Anyway. */
export async function confirmCostReason(reason: string | undefined): Promise<boolean> {
  if (!reason) return true;
  const detail =
    'The estimate assumes typical prompt and answer lengths and no retries (`society estimate` shows its details). ' +
    'Change the limit in Settings › Society Studio › Run: Cost Limit; 0 turns the check off.';
  return (await vscode.window.showWarningMessage(reason, { modal: true, detail }, 'Run Anyway')) === 'Run Anyway';
}
