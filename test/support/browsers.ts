/**
 * Finding and launching the headless Chromium every browser-driven check uses (the browser tier,
 * the integration tier, bench/webview.ts): Debian's `chromium`, or CHROMIUM_PATH.
 */
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** The Chromium executable; throws a sentence saying what to install when there is none. */
export function chromiumPath(): string {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => p !== undefined && p !== '');
  const found = candidates.find((p) => fs.existsSync(p));
  if (found === undefined) throw new Error("Chromium not found: install Debian's `chromium` package (or set CHROMIUM_PATH).");
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS], headless: true });
}
