// Steps the e2e tests of societies with their own mechanics share (commons, donor game, forum):
// finding a webview's frame, opening an agent's memories from the palette, and stopping the
// debugger after an action with the world's state in Variables.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import * as act from './act';
import { STEP_MS, type Workbench } from './workbench';

/** The webview frame holding `selector` (several webviews may be open). */
export async function frameWith(wb: Workbench, selector: string): Promise<Frame> {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    for (const f of wb.page.frames()) {
      if (
        await f
          .locator(selector)
          .count()
          .catch(() => 0)
      ) {
        return f;
      }
    }
    if (Date.now() > deadline) throw new Error(`no webview with ${selector}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The state of a webview frame holding `selector` being there. */
export const frameShows =
  (wb: Workbench, selector: string): act.State =>
  async () => {
    for (const f of wb.page.frames()) {
      if (
        await f
          .locator(selector)
          .count()
          .catch(() => 0)
      ) {
        return true;
      }
    }
    return false;
  };

/**
 * Clicks the `index`th "Show memories" CodeLens of the active editor (lenses redraw as the
 * extension provides them again) until the memory inspector's frame holding `selector` is there.
 */
export async function showMemoriesLens(wb: Workbench, selector: string, index = 0): Promise<Frame> {
  const lens = wb.editor().locator('.codelens-decoration a', { hasText: 'Show memories' }).nth(index);
  await act.click(wb.page, `the Show memories lens #${index + 1}`, lens, frameShows(wb, selector), {
    area: wb.editor(),
  });
  return frameWith(wb, selector);
}

/**
 * Adds a function breakpoint named `name` from the Breakpoints pane's header action, which shows
 * only while the header is hovered.
 */
export async function addFunctionBreakpoint(page: Page, pane: Locator, name: string): Promise<void> {
  const header = pane.locator('.pane-header');
  const add = pane.locator('.action-label[aria-label*="Function Breakpoint"]');
  const input = pane.locator('.monaco-inputbox input');
  await act.hover(page, 'hover the Breakpoints header', header, add, { area: pane });
  await act.click(page, 'Add Function Breakpoint', add, input, {
    area: pane,
    reopen: () => act.hover(page, 'hover the Breakpoints header again', header, add, { area: pane }),
  });
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await pane.locator('.monaco-list-row', { hasText: name }).waitFor();
}

/**
 * Opens the Variables row matching `name` by its twistie, with every other open row (but those
 * matching `keep`, its parents) folded first and again before each retry: VS Code unfolds the
 * first scope as the scopes arrive, which can push the row out of the list's view (the list
 * draws only what is in view, and a row out of it cannot be clicked) after it was folded.
 */
export async function openVariablesRow(page: Page, name: RegExp, keep: RegExp[] = []): Promise<Locator> {
  const vars = page.locator('.debug-variables');
  let others = vars.locator('.monaco-list-row[aria-expanded="true"]');
  for (const k of [name, ...keep]) others = others.filter({ hasNotText: k });
  const fold = () =>
    act.foldAll(page, 'fold the other open rows in Variables', others, (r) => r.locator('.monaco-tl-twistie'), {
      area: vars,
    });
  const row = vars.locator('.monaco-list-row', { hasText: name }).first();
  // Not waited for before folding: out of the list's view the row is not drawn at all.
  await fold();
  await act.setExpanded(page, `open ${name.source} in Variables`, row, true, row.locator('.monaco-tl-twistie'), {
    area: vars,
    reopen: fold,
  });
  return row;
}

/**
 * An agent whose name no other agent's name contains (so quick open's first match is it), among
 * `names` (id → name) those `wanted` accepts.
 */
export function uniquelyNamed(names: ReadonlyMap<string, string>, wanted: (id: string) => boolean): [string, string] {
  const all = [...names.values()];
  const found = [...names].find(([id, n]) => wanted(id) && all.filter((m) => m.includes(n)).length === 1);
  if (!found) throw new Error('no agent with a name of its own that the test can use');
  return found;
}

/** Society: Show Memories, picking `agent` by `name`: the inspector's frame once its memories are in. */
export async function openMemories(wb: Workbench, agent: string, name: string): Promise<Frame> {
  // The picker is the state to reach: on a loaded machine the command can land before the run is
  // known to the memory views, and is given again until its picker shows.
  await act.until(
    wb.page,
    'Society: Show Memories opens its agent picker',
    () => wb.command('Society: Show Memories'),
    wb.page.locator('.quick-input-widget', { hasText: 'Show the memories of' }),
  );
  await wb.page.locator('.quick-input-widget input').fill(name);
  await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: agent }).first().waitFor();
  await wb.page.keyboard.press('Enter');
  const inspector = await frameWith(wb, `#memory-inspector[data-ready="true"][data-agent="${agent}"]`);
  // The inspector resets its fields when the run's memories arrive: wait for them before typing
  // (a search left from before may leave one: "1 memory").
  await inspector.locator('.count', { hasText: /\d+ memor(y|ies)\b/ }).waitFor();
  return inspector;
}

/**
 * The Call Stack's "Paused on …" label while the run is stopped for `what` (the stop's DAP
 * description, e.g. "Paused on Action taken: Abigail Chen: give …"; its hover is the stop's text).
 */
export function pausedOn(page: Page, what: string): Locator {
  return page.locator('.pane-header .call-stack-state-message .label', { hasText: `Paused on ${what}` }).first();
}

/**
 * F5 on `file` with "Action taken" checked: stops after an action; the World scope's `state` is
 * opened until a row matching `stateRow` shows. The session is left paused for a screenshot.
 */
export async function stopAfterAction(wb: Workbench, file: string, stateRow: RegExp): Promise<void> {
  const page = wb.page;
  await wb.command('View: Close All Editor Groups');
  await wb.open(file);
  await page.keyboard.press('Control+Shift+D');
  // The filters are listed once the adapter has told VS Code about them: a first session (it
  // runs to the end at once: nothing stops it) lists them.
  await wb.command('Debug: Start Debugging');
  const filter = page.locator('.debug-breakpoints .monaco-list-row', { hasText: 'Action taken' }).first();
  await filter.waitFor({ timeout: STEP_MS * 2 });
  await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: STEP_MS * 4 });
  const box = filter.locator('input[type="checkbox"]');
  await act.setChecked(page, "check the 'Action taken' filter", box, true);
  await wb.command('Debug: Start Debugging');
  await pausedOn(page, 'Action taken: ').waitFor({ timeout: STEP_MS * 2 });
  const vars = page.locator('.debug-variables');
  const event = vars.locator('.monaco-list-row', { hasText: 'Event: Action taken' }).first();
  await event.waitFor();
  await vars
    .locator('.monaco-list-row', { hasText: /^changes/ })
    .first()
    .waitFor();
  // Fold the event so the world's rows fit the pane (the list draws what is in view).
  await act.setExpanded(page, 'fold the event in Variables', event, false, event, { area: vars });
  const world = vars.locator('.monaco-list-row', { hasText: /^World$/ }).first();
  await world.waitFor();
  await act.setExpanded(page, 'open World in Variables', world, true, world, { area: vars });
  const state = vars.locator('.monaco-list-row', { hasText: /^state/ }).first();
  await state.waitFor();
  await act.setExpanded(page, "open the world's state in Variables", state, true, state, { area: vars });
  await vars.locator('.monaco-list-row', { hasText: stateRow }).first().waitFor();
}

/** The events of the one run under `workspace`/runs, as JSON objects (the header first). */
/**
 * The run's events as written to its trace, once the trace ends with `run_end`: the view says
 * "complete" when the run ends, and on a loaded machine the writer's last lines can reach the disk
 * a moment later (read early, a test counted fewer actions than the table and waited for ever).
 */
export async function runEvents(workspace: string): Promise<Record<string, any>[]> {
  const runs = path.join(workspace, 'runs');
  const deadline = Date.now() + STEP_MS * 2;
  for (;;) {
    const [dir] = fs.readdirSync(runs);
    const lines = fs
      .readFileSync(path.join(runs, dir, 'trace.jsonl'), 'utf8')
      .trim()
      .split('\n');
    try {
      const events = lines.map((l) => JSON.parse(l) as Record<string, any>);
      if (events.at(-1)?.type === 'run_end') return events;
    } catch {
      // A line being written: read again.
    }
    if (Date.now() > deadline) throw new Error(`${dir}/trace.jsonl does not end with run_end`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Society: Run Simulation on the open file, until the society view says the run is complete. */
export async function runToCompletion(wb: Workbench): Promise<FrameLocator> {
  await wb.command('Society: Run Simulation');
  const view = wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await view.locator('#society-app[data-ready="true"]').waitFor({ timeout: STEP_MS * 2 });
  await view.locator('.badge', { hasText: 'complete' }).waitFor({ timeout: STEP_MS * 4 });
  return view;
}

/**
 * The finished run's outcome as the status bar item's tooltip says it (a clean run leaves no
 * notification over the society view): its text with white space folded.
 */
export async function runOutcome(wb: Workbench, rounds: string): Promise<string> {
  const page = wb.page;
  const item = page.locator('.statusbar-item', { hasText: new RegExp(`Society: round ${rounds}`) }).first();
  await item.waitFor();
  const tip = page.locator('.monaco-hover, .workbench-hover', { hasText: 'Show Log' }).first();
  await act.hover(page, 'hover the run outcome in the status bar', item, tip);
  const text = (await tip.innerText()).replace(/\s+/g, ' ');
  await page.mouse.move(700, 300);
  return text;
}

/**
 * The `state` of a scope in Variables (`Agent <id>` or `World`), name → value as shown.
 */
export async function scopeState(page: Page, scope: RegExp, names: string[]): Promise<Map<string, string>> {
  const vars = page.locator('.debug-variables');
  // Everything folded (the Variables view's Collapse All), so the scope's row is in view; once the
  // scopes are in (VS Code unfolds the first one as they arrive).
  await vars.locator('.monaco-list-row').first().waitFor();
  await page.waitForTimeout(500);
  const header = page.locator('.pane-header', { hasText: /^Variables/i });
  const collapse = header.locator('.action-label[aria-label*="Collapse All"]');
  await act.hover(page, 'hover the Variables header', header, collapse);
  await act.click(
    page,
    "Variables' Collapse All",
    collapse,
    act.gone(vars.locator('.monaco-list-row[aria-expanded="true"]')),
    {
      area: vars,
      reopen: () => act.hover(page, 'hover the Variables header again', header, collapse),
    },
  );
  const row = vars.locator('.monaco-list-row', { hasText: scope }).first();
  await row.waitFor();
  await act.setExpanded(page, `open ${String(scope)} in Variables`, row, true, row, { area: vars });
  const state = vars.locator('.monaco-list-row', { hasText: /^state\b/ }).first();
  await state.waitFor();
  // Selected, for the keyboard below (a click on it may unfold it too).
  await act.click(
    page,
    'select state in Variables',
    state,
    vars.locator('.monaco-list-row.focused', { hasText: /^state\b/ }),
    {
      area: vars,
    },
  );
  if ((await state.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
  // Its rows, under the scope's (the only rows three levels deep, everything else being folded).
  await vars.locator('.monaco-list-row[aria-level="3"]').first().waitFor();
  // Down through its rows with the keyboard: the list scrolls to each (it draws only what is in view).
  const out = new Map<string, string>();
  for (let i = 0; i < names.length; i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(50);
    const text = ((await vars.locator('.monaco-list-row.focused').first().textContent()) ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    const m = /^(\w+)\s*[=:]\s*(.*)$/.exec(text);
    if (m && names.includes(m[1])) out.set(m[1], m[2]);
  }
  assert.deepEqual([...out.keys()].sort(), [...names].sort(), `the state in Variables: ${[...out].join(', ')}`);
  return out;
}
