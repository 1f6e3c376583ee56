// Screenshots for a person to look at (each page's layout at each width), saved only when
// SCREENSHOT_DIR names a folder: `SCREENSHOT_DIR=/tmp/shots npx playwright test`.
import type { Locator, Page } from '@playwright/test';

export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;

/** `<SCREENSHOT_DIR>/<name>.png` of a whole page (or only the window: fullPage false), or of one element. */
export async function screenshot(target: Page | Locator, name: string, { fullPage = true }: { fullPage?: boolean } = {}) {
  if (!SCREENSHOT_DIR) return;
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  if ('goto' in target) await target.screenshot({ path, fullPage });
  else await target.screenshot({ path });
}
