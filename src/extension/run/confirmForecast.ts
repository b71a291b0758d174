// Before a run in the editor: its estimate in the log, and its question in a modal when it has one
// (core/llm/runForecast.ts decides: a long or untimed local run, a cost past a small amount with
// no cost limit set). The cost limit's own question follows it (costLimit.ts). A long offline run
// is warned of, not asked (issue 87): it spends nothing and may be stopped at any time.
import * as vscode from 'vscode';
import type { RunForecast } from '../../core/llm/runForecast';

/** True when the run may go ahead: nothing to ask, or the person chose its Run button. */
export async function confirmForecast(forecast: RunForecast, log: vscode.LogOutputChannel): Promise<boolean> {
  for (const line of forecast.lines) log.info(line);
  if (forecast.warning) {
    log.warn(forecast.warning);
    void vscode.window.showWarningMessage(forecast.warning);
  }
  const ask = forecast.ask;
  if (!ask) return true;
  const detail =
    'From the estimate (typical prompts and answers, no retries) and, for a local model, the speed earlier runs measured on this machine. The Society log shows the details.';
  return (await vscode.window.showWarningMessage(ask.message, { modal: true, detail }, ask.button)) === ask.button;
}
