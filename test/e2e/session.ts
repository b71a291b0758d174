// One code-server + workbench per describe block, with the mocha hooks every workbench suite
// needs: start the server on a filled workspace and open the workbench (before), a screenshot
// when a test fails (afterEach), and on the way out close both, then either delete the temp
// folder or, after a failure, print the server log's tail and keep the folder for inspection.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, startCodeServer, type CodeServer, type StartOptions } from './codeServer';
import { Workbench } from './workbench';

export interface Session {
  /** Set once the suite's `before` hook ran. */
  readonly server: CodeServer;
  readonly wb: Workbench;
  /** A path inside the workspace. */
  ws(relative: string): string;
}

/** Copies examples/friends into the workspace (what most suites start from). */
export const friendsExample = (ws: string): void =>
  fs.cpSync(path.join(REPO, 'examples/friends'), ws, { recursive: true });

export const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/**
 * Registers the hooks in the calling describe block. `name` prefixes failure screenshots
 * (test-results/e2e/FAILED-<name>-<test>.png).
 */
export function useWorkbench(
  name: string,
  fillWorkspace: (dir: string) => void = friendsExample,
  options: StartOptions = {},
): Session {
  let server: CodeServer | undefined;
  let wb: Workbench | undefined;
  let failed = false;
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`the ${what} is not running (did the before hook fail?)`);
    return v;
  };

  before(async function () {
    server = await startCodeServer(fillWorkspace, options);
    wb = await Workbench.open(server);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    const shot = await wb?.screenshot(`FAILED-${name}-${slug(this.currentTest.title)}`).catch(() => undefined);
    if (shot) console.error(`    screenshot: ${path.relative(REPO, shot)}`);
    // What a screenshot shows, in the log too: CI keeps the output, not the files.
    const texts = async (selector: string) =>
      (await wb?.page
        .locator(selector)
        .allInnerTexts()
        .catch(() => [] as string[])) ?? [];
    const line = (t: string) => t.replace(/\s+/g, ' ').trim().slice(0, 300);
    for (const [what, selector] of [
      ['tabs', '.tabs-container .tab'],
      ['notifications', '.notification-toast'],
      ['quick input', '.quick-input-widget:visible'],
    ] as const) {
      const shown = (await texts(selector)).map(line).filter(Boolean);
      console.error(`    ${what}: ${shown.length ? shown.map((t) => `«${t}»`).join(' ') : 'none'}`);
    }
  });

  after(async function () {
    await wb?.close();
    await server?.stop();
    // A failing `before` leaves no test failed: keep the folder then too.
    if (!server) return;
    if (failed || !wb) console.error(`  code-server log (tail):\n${server.log().slice(-3000)}\n  kept ${server.tmp}`);
    else fs.rmSync(server.tmp, { recursive: true, force: true });
  });

  return {
    get server() {
      return need(server, 'code-server');
    },
    get wb() {
      return need(wb, 'workbench');
    },
    ws: (relative) => path.join(need(server, 'code-server').workspace, relative),
  };
}
