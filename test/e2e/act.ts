// Acting on widgets that come and go (hovers, quick picks, menus, notifications, tree rows that
// redraw, the society view's controls): every e2e and webview spec acts through here, never with
// a bare `click` (eslint.config.mjs enforces it). One idea: wait on a state, never on a moment.
// An action is tried, then the state it should produce is awaited for a short while; if it is not
// there (the element detached as the widget redrew, the hover closed, the click landed on a frame
// still laying out), the widget is reopened and the action tried again, until a bounded deadline.
// A failure names the step, says what each attempt met, quotes the visible text of the area
// concerned and keeps a screenshot under test-results/stuck/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

const STUCK = path.resolve(__dirname, '../../test-results/stuck');
/** The whole step's bound; as generous as one e2e step (CI has 2 busy cores). */
const DEADLINE_MS = Number(process.env.E2E_STEP_MS) || 30_000;
/** How long one attempt waits for its action and then for the state before trying again. */
const ATTEMPT_MS = 5_000;

/** A state: a locator that becomes visible, or a condition polled until true. */
export type State = Locator | (() => Promise<boolean>);

export interface StepOptions {
  /** The area whose visible text the failure message quotes (default: the page's body). */
  area?: Locator;
  /** Before every attempt after the first: bring the widget back (hover the item again, reopen the menu). */
  reopen?: () => Promise<void>;
  deadlineMs?: number;
  attemptMs?: number;
}

const firstLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0];
const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

async function holds(state: State, timeout: number): Promise<boolean> {
  if (typeof state !== 'function') {
    // A look, not a wait: to Playwright a timeout of 0 means none (it waited until the test's).
    if (timeout <= 0) return state.first().isVisible();
    return state
      .first()
      .waitFor({ state: 'visible', timeout })
      .then(
        () => true,
        () => false,
      );
  }
  const until = Date.now() + timeout;
  for (;;) {
    if (await state().catch(() => false)) return true;
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The failure: the step, each attempt's trouble, what was on screen, a screenshot. */
async function stuck(page: Page, step: string, errors: string[], area: Locator | undefined): Promise<Error> {
  const shown = await (area ?? page.locator('body'))
    .first()
    .innerText({ timeout: 2_000 })
    .then(
      (t) => t.replace(/\s+/g, ' ').trim().slice(0, 1_500),
      (err) => `(could not read: ${firstLine(err)})`,
    );
  fs.mkdirSync(STUCK, { recursive: true });
  const file = path.join(STUCK, `${slug(step)}.png`);
  const shot = await page.screenshot({ path: file, timeout: 5_000 }).then(
    () => `; screenshot ${path.relative(path.resolve(__dirname, '../..'), file)}`,
    () => '',
  );
  return new Error(`${step}: the state never came (${errors.join('; ')}); on screen: «${shown}»${shot}`);
}

/**
 * Does `action` until `state` holds: the first attempt acts, later ones first look whether the
 * previous action landed late, then `reopen` and act again. `action` gets the time one attempt
 * may take, to pass to Playwright as its own timeout (so a detached element is one short
 * attempt, not a 30 s retry).
 */
export async function until(
  page: Page,
  step: string,
  action: (timeout: number) => Promise<unknown>,
  state: State,
  opts: StepOptions = {},
): Promise<void> {
  const deadline = Date.now() + (opts.deadlineMs ?? DEADLINE_MS);
  const attemptMs = opts.attemptMs ?? ATTEMPT_MS;
  const errors: string[] = [];
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) {
      if (await holds(state, 0)) return;
      if (opts.reopen) {
        await opts.reopen().catch((err) => errors.push(`attempt ${attempt} reopening: ${firstLine(err)}`));
      }
    }
    try {
      await action(attemptMs);
      if (await holds(state, 2 * attemptMs)) return;
      errors.push(`attempt ${attempt}: done, the state did not follow`);
    } catch (err) {
      errors.push(`attempt ${attempt}: ${firstLine(err)}`);
    }
    if (Date.now() >= deadline) throw await stuck(page, step, errors, opts.area);
  }
}

/** Clicks `target` until `state` holds. */
export function click(page: Page, step: string, target: Locator, state: State, opts: StepOptions = {}): Promise<void> {
  return until(page, step, (timeout) => target.click({ timeout }), state, opts);
}

/** Double-clicks `target` until `state` holds. */
export function dblclick(
  page: Page,
  step: string,
  target: Locator,
  state: State,
  opts: StepOptions = {},
): Promise<void> {
  return until(page, step, (timeout) => target.dblclick({ timeout }), state, opts);
}

/** Moves the mouse over `target` until `state` (a tooltip, a highlight) holds; reopening moves away first. */
export function hover(page: Page, step: string, target: Locator, state: State, opts: StepOptions = {}): Promise<void> {
  return until(page, step, (timeout) => target.hover({ timeout }), state, {
    ...opts,
    reopen: async () => {
      await page.mouse.move(0, 0);
      await opts.reopen?.();
    },
  });
}

/**
 * Clicks at a point of the page (a tie in the drawing, an SVG background) until `state` holds;
 * `at` is asked again before each attempt (a layout still moving moves the point).
 */
export function clickAt(
  page: Page,
  step: string,
  at: () => Promise<{ x: number; y: number }>,
  state: State,
  opts: StepOptions = {},
): Promise<void> {
  return until(
    page,
    step,
    async () => {
      const p = await at();
      await page.mouse.click(p.x, p.y);
    },
    state,
    opts,
  );
}

/** Presses `key` in `target` (focusing it) until `state` holds. */
export function press(page: Page, step: string, target: Locator, key: string, state: State, opts: StepOptions = {}) {
  return until(page, step, (timeout) => target.press(key, { timeout }), state, opts);
}

/**
 * Sets a checkbox. Its own state is the state: looked at before every attempt, so a click that
 * landed late is never undone by a second one.
 */
export async function setChecked(page: Page, step: string, box: Locator, checked: boolean, opts: StepOptions = {}) {
  const there = async () => (await box.isChecked({ timeout: 1_000 })) === checked;
  if (await there().catch(() => false)) return;
  await until(page, step, (timeout) => box.click({ timeout }), there, opts);
}

/** Chooses an option of a `<select>` (by value, or by label) until the select shows it. */
export async function select(
  page: Page,
  step: string,
  target: Locator,
  option: string | { label: string },
  opts: StepOptions = {},
): Promise<void> {
  const chosen = async () =>
    target.evaluate(
      (el, o) => {
        const s = el as HTMLSelectElement;
        return typeof o === 'string' ? s.value === o : s.selectedOptions[0]?.label === o.label;
      },
      option,
      { timeout: 1_000 },
    );
  await until(page, step, (timeout) => target.selectOption(option, { timeout }), chosen, opts);
}

/** The state of `target` having left the page (a dialog closed, a toast dismissed). */
export const gone =
  (target: Locator): State =>
  async () =>
    (await target.count()) === 0;

/** The state of `target` no longer shown (a hover or menu closed; it may stay in the DOM). */
export const hidden =
  (target: Locator): State =>
  async () =>
    !(await target.first().isVisible());

/**
 * Opens or folds a tree row (Variables, Explorer, Breakpoints) by clicking `toggle` (its twistie,
 * or the row itself) until its aria-expanded says so; looked at before every attempt, so a late
 * click is never undone by a second one.
 */
export async function setExpanded(
  page: Page,
  step: string,
  row: Locator,
  expanded: boolean,
  toggle: Locator = row,
  opts: StepOptions = {},
): Promise<void> {
  const there = async () => (await row.getAttribute('aria-expanded', { timeout: 1_000 })) === String(expanded);
  if (await there().catch(() => false)) return;
  await until(page, step, (timeout) => toggle.click({ timeout }), there, opts);
}

/**
 * Folds every row `open` matches (rows of a tree with aria-expanded="true"), one at a time by
 * clicking `toggle(row)`, until none is left open: folding a parent takes its open children along.
 */
export async function foldAll(
  page: Page,
  step: string,
  open: Locator,
  toggle: (row: Locator) => Locator,
  opts: StepOptions = {},
): Promise<void> {
  if ((await open.count()) === 0) return;
  await until(
    page,
    step,
    async (timeout) => {
      while ((await open.count()) > 0) await toggle(open.first()).click({ timeout });
    },
    gone(open),
    opts,
  );
}

/**
 * Clicks a control whose effect has no state of its own to wait on (Fit on a view already fitted,
 * an export button): the state is the click event having reached that control, marked by a
 * listener put on it before each attempt. A control drawn again before the click reached it is
 * armed and clicked again.
 */
export async function clickReaching(page: Page, step: string, target: Locator, opts: StepOptions = {}): Promise<void> {
  const arm = (el: Element): void => {
    if (el.hasAttribute('data-act-armed')) return;
    el.setAttribute('data-act-armed', '');
    el.addEventListener('click', () => el.setAttribute('data-act-clicked', ''), { once: true, capture: true });
  };
  await until(
    page,
    step,
    async (timeout) => {
      await target.evaluate(arm, undefined, { timeout });
      await target.click({ timeout });
    },
    async () => (await target.getAttribute('data-act-clicked', { timeout: 1_000 })) !== null,
    opts,
  );
  await target.evaluate((el) => {
    el.removeAttribute('data-act-armed');
    el.removeAttribute('data-act-clicked');
  });
}
