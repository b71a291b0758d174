// A comparison's tab survives Reload Window (issue 88). The page runs no script, so it cannot keep
// a state of its own: what it compared is kept in the workspace's state under the tab's title (the
// last KEPT comparisons, as a list, never as an object keyed by a user's title), and the panel VS
// Code restores is compared again from the same files. A comparison whose files are gone says so.
import * as vscode from 'vscode';
import { compareSide, conditionSides, type CompareSide } from '../../core/experiment';
import { messageHtml } from '../views/pageShell';
import type { SocietyContext } from '../context';

/** What was compared: two runs (or folders of runs), or two conditions of an experiment's folder. */
export type CompareRecipe =
  { kind: 'runs'; a: string; b: string } | { kind: 'conditions'; dir: string; wanted?: [string, string] };

export const COMPARE_VIEW = 'society.compare';
const KEY = 'society.comparePanels';
/** Comparisons kept for their tabs' restore, the latest. */
const KEPT = 20;

let memento: vscode.Memento | undefined;

const isString = (x: unknown): x is string => typeof x === 'string';

function recipeOk(r: unknown): r is CompareRecipe {
  if (!r || typeof r !== 'object') return false;
  const o = r as Record<string, unknown>;
  if (o.kind === 'runs') return isString(o.a) && isString(o.b);
  return (
    o.kind === 'conditions' &&
    isString(o.dir) &&
    (o.wanted === undefined || (Array.isArray(o.wanted) && o.wanted.length === 2 && o.wanted.every(isString)))
  );
}

function kept(): [string, CompareRecipe][] {
  const list = memento?.get<unknown>(KEY);
  return Array.isArray(list)
    ? list.filter(
        (e): e is [string, CompareRecipe] => Array.isArray(e) && e.length === 2 && isString(e[0]) && recipeOk(e[1]),
      )
    : [];
}

/** Keeps what the tab titled `title` compares, for its restore after a reload. */
export function rememberComparison(title: string, recipe: CompareRecipe): void {
  const list = [...kept().filter(([t]) => t !== title), [title, recipe] as [string, CompareRecipe]].slice(-KEPT);
  void memento?.update(KEY, list);
}

/** The sides a recipe compares and their labels (shown as the workspace names the paths). */
export function recipeSides(
  recipe: CompareRecipe,
  shown: (p: string) => string,
): { sides: [CompareSide, CompareSide]; labels: [string, string] } {
  if (recipe.kind === 'runs') {
    return {
      sides: [compareSide(recipe.a, shown), compareSide(recipe.b, shown)],
      labels: [shown(recipe.a), shown(recipe.b)],
    };
  }
  const made = conditionSides(recipe.dir, recipe.wanted);
  return { sides: made.sides, labels: made.labels };
}

/** Restores comparison tabs after Reload Window, compared again from what they compared. */
export function registerCompareRestore(
  ctx: SocietyContext,
  page: (sides: () => [CompareSide, CompareSide], labels: [string, string]) => Promise<string | undefined>,
): vscode.Disposable {
  memento = ctx.extension.workspaceState;
  return vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
      panel.webview.options = { enableScripts: false, localResourceRoots: [] };
      const recipe = kept().find(([t]) => t === panel.title)?.[1];
      const shown = (p: string) => vscode.workspace.asRelativePath(p);
      let html: string | undefined;
      if (recipe) {
        try {
          const made = recipeSides(recipe, shown);
          html = await page(() => made.sides, made.labels);
        } catch {
          html = undefined;
        }
      }
      panel.webview.html =
        html ??
        messageHtml(
          'This comparison could not be shown again (its runs were moved or removed, or it was not kept): run Compare Runs… or Compare Conditions… again.',
        );
    },
  });
}
