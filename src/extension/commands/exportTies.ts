// Society: Export Ties… — a thin adapter over core/analysis/export/tieExport: from a run's trace (the
// explorer's selection, or picked), the tie network as GEXF (static or over rounds), GraphML or
// CSV for Gephi and NetworkX, saved where the user says.
import * as vscode from 'vscode';
import { exportTraceTies, TIE_FORMAT_EXTENSIONS, type TieFormat, loadTrace } from '../../core/analysis';
import type { SocietyContext } from '../context';
import { writeEditorFile } from '../writeFile';

const FORMATS: { label: string; description: string; format: TieFormat; dynamic: boolean }[] = [
  { label: 'GEXF', description: 'Gephi, NetworkX — the final ties', format: 'gexf', dynamic: false },
  {
    label: 'GEXF over rounds',
    description: 'Gephi timeline — every agent and tie with the rounds it existed',
    format: 'gexf',
    dynamic: true,
  },
  { label: 'GraphML', description: 'Gephi, NetworkX, igraph, Cytoscape', format: 'graphml', dynamic: false },
  {
    label: 'CSV',
    description: 'Source,Target,Type,Weight — Gephi, pandas, R, spreadsheets',
    format: 'csv',
    dynamic: false,
  },
];

/** What a caller may settle instead of asking: the format and where to write. */
export interface ExportChoices {
  format?: TieFormat;
  dynamic?: boolean;
  target?: vscode.Uri;
}

/**
 * Arguments are optional (the palette passes none): the trace file, and choices that skip the
 * questions. Returns the written file.
 */
export function exportTiesCommand(_ctx: SocietyContext) {
  return async (traceUri?: vscode.Uri, choices: ExportChoices = {}): Promise<vscode.Uri | undefined> => {
    const trace =
      traceUri ??
      (
        await vscode.window.showOpenDialog({
          canSelectMany: false,
          openLabel: 'Export Ties',
          title: 'Export the ties of a run',
          filters: { 'Run traces': ['jsonl'] },
        })
      )?.[0];
    if (!trace) return undefined;
    // The trace is read first: a file that is no trace is refused before any question about the export.
    let loaded: Awaited<ReturnType<typeof loadTrace>>;
    try {
      loaded = await loadTrace(trace.fsPath);
    } catch (err) {
      void vscode.window.showErrorMessage(
        `Could not export the ties of ${vscode.workspace.asRelativePath(trace)}: ${err instanceof Error ? err.message : String(err)}`,
      );
      return undefined;
    }
    const given = choices.format && FORMATS.find((f) => f.format === choices.format && f.dynamic === !!choices.dynamic);
    const choice =
      given || (await vscode.window.showQuickPick(FORMATS, { title: 'Export Ties', placeHolder: 'Format' }));
    if (!choice) return undefined;
    const defaultUri = vscode.Uri.joinPath(
      trace,
      '..',
      `ties${choice.dynamic ? '-over-rounds' : ''}${TIE_FORMAT_EXTENSIONS[choice.format]}`,
    );
    const target =
      choices.target ??
      (await vscode.window.showSaveDialog({
        defaultUri,
        title: 'Export Ties',
        filters: { [choice.label]: [TIE_FORMAT_EXTENSIONS[choice.format].slice(1)] },
      }));
    if (!target) return undefined;
    try {
      const text = exportTraceTies(loaded, choice.format, { dynamic: choice.dynamic });
      await writeEditorFile(target, new TextEncoder().encode(text));
    } catch (err) {
      void vscode.window.showErrorMessage(
        `Could not export the ties: ${err instanceof Error ? err.message : String(err)}`,
      );
      return undefined;
    }
    void vscode.window.showInformationMessage(`Ties written to ${vscode.workspace.asRelativePath(target)}.`);
    return target;
  };
}
