// Checks that Playwright has a Chromium to drive before `npm run test:e2e`,
// and says how to get one if not (exit 1).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const systemChromium = '/usr/bin/chromium';

function playwrightChromium() {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

if (!existsSync(systemChromium) && playwrightChromium() === undefined) {
  console.error(
    [
      "No browser for the end-to-end tests: neither /usr/bin/chromium nor Playwright's own Chromium was found.",
      'Get one, then run the tests again:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  elsewhere:      npx playwright install chromium',
    ].join('\n'),
  );
  process.exit(1);
}
