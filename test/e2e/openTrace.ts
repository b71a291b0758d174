// Opens a trace through Society: Open Trace and code-server's file dialog, returning the society
// view's frame. The dialog is a quick input that fills in a folder's path after it opens and
// rewrites a value set at once, so the whole path is typed after that, and again if a keystroke was
// lost on the way or the dialog rewrote it.
import type { FrameLocator } from 'playwright-core';
import * as act from './act';
import type { Session } from './session';
import { STEP_MS } from './workbench';

const valueIs = (want: string): boolean =>
  (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value === want;
const valueEndsWith = (want: string): boolean =>
  (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.endsWith(want) ?? false;

export async function openTrace(s: Session, relative: string): Promise<FrameLocator> {
  const page = s.wb.page;
  await s.wb.command('Society: Open Trace');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await page.locator('.quick-input-widget', { hasText: 'Open a society trace' }).waitFor();
  await page.waitForFunction(valueEndsWith, '/');
  // The whole path, typed over whatever the dialog filled in: under load it filled in the
  // workspace's parent folder, and a relative path typed after it named a file that is not there.
  const absolute = s.ws(relative);
  const allSelected = () =>
    input.evaluate((el: HTMLInputElement) => el.selectionStart === 0 && el.selectionEnd === el.value.length);
  for (let attempt = 0; ; attempt++) {
    await act.press(page, 'select the whole path', input, 'Control+a', allSelected);
    await page.keyboard.type(absolute, { delay: 20 });
    try {
      await page.waitForFunction(valueIs, absolute, { timeout: 3000 });
      break;
    } catch (err) {
      if (attempt === 2) throw err;
    }
  }
  await page.keyboard.press('Enter');
  // The view just opened: the last webview (another, a run's view left open, may be there too).
  const view = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('#active-frame');
  await view.locator('#society-app[data-ready="true"]').waitFor({ timeout: STEP_MS * 2 });
  return view;
}
