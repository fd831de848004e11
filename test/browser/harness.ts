/**
 * The browser tier's harness: a test list, the page helpers, and the types of what the tests read
 * from the page (window.geluPlot from webview/main.ts, window.__stub from stubHost.ts). A test file
 * is test/browser/<name>.browser.ts calling {@link test}; run.ts loads every one of them.
 */
import type { Chart } from 'chart.js';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DrawReport, PlotState } from '../../src/protocol';
import { REPO } from '../support/repo';
import type { WebviewServer } from './server';
import type { StubHost } from './stubHost';

/** The internals of webview/chart.ts's ChartView that the tests look at. */
interface ChartInternals {
  readonly slots: readonly { readonly chart: Chart; readonly line: HTMLElement }[];
  readonly frame: { readonly x: Float64Array };
  setCrosshair(x: number | null): void;
  plotWidth(): number;
}

declare global {
  interface Window {
    geluPlot: { draws: number; errors: string[]; lastDraw: DrawReport; charts: ChartInternals; state?: PlotState; gated?: { caption(): string[] } };
    __stub: StubHost;
    __stubInit?: unknown;
  }
}

export const artifacts = path.join(REPO, 'test-artifacts', 'browser');

/** A page opened by {@link open}, with the problems it reported (console errors, CSP, failed requests). */
export type TestPage = Page & { problems: string[] };

/** What every test gets: the browser and the server the runner started. */
export interface TestEnv {
  readonly browser: Browser;
  readonly server: WebviewServer;
}

export interface BrowserTest {
  readonly name: string;
  readonly file: string;
  readonly fn: (env: TestEnv) => Promise<void>;
}

export const tests: BrowserTest[] = [];
let currentFile = '';

/** Registers a test; tests run in the order their files and calls come, sharing pages as they choose. */
export function test(name: string, fn: (env: TestEnv) => Promise<void>): void {
  tests.push({ name, file: currentFile, fn });
}

/** Set by the runner while it loads a test file. */
export function loadingFile(file: string): void {
  currentFile = file;
}

/** The page last opened, for a screenshot when a test fails. */
export let lastPage: Page | undefined;

// ─── helpers running in the page ────────────────────────────────────────────────────────

/** Pixels of each canvas: total painted, and painted near each given colour (#rrggbb). */
export async function canvasPixels(page: Page, colors: readonly string[]): Promise<{ width: number; height: number; painted: number; near: number[] }[]> {
  // No named function inside the page function: tsx (esbuild keepNames) would wrap it in a
  // `__name` helper that the page does not have.
  return page.evaluate((hexes) => {
    const wanted = hexes.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    return [...document.querySelectorAll<HTMLCanvasElement>('.plot canvas')].map((canvas) => {
      const ctx = canvas.getContext('2d');
      if (ctx === null) throw new Error('no 2-D context');
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      const near = wanted.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! < 128) continue;
        painted++;
        for (let k = 0; k < wanted.length; k++) {
          const [r, g, b] = wanted[k]!;
          if (Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 60) near[k]!++;
        }
      }
      return { width: canvas.width, height: canvas.height, painted, near };
    });
  }, [...colors]);
}

export const draws = (page: Page): Promise<number> => page.evaluate(() => window.geluPlot.draws);

/** Waits until the plot has drawn after `before` and no redraw followed for a moment. */
export async function settled(page: Page, before: number, timeout = 10_000): Promise<number> {
  await page.waitForFunction((n) => window.geluPlot && window.geluPlot.draws > n, before, { timeout });
  let last = await draws(page);
  for (;;) {
    await page.waitForTimeout(250);
    const now = await draws(page);
    if (now === last) return now;
    last = now;
  }
}

/** The last `plot/sample` request the webview sent; fails the test when there is none. */
export async function lastSampleRequest(page: Page): Promise<import('../../src/protocol').SampleRequest> {
  const request = await page.evaluate(() => {
    const sent = [...window.__stub.sent].reverse().find((m) => (m as { type?: unknown }).type === 'plot/sample');
    return (sent as { request?: import('../../src/protocol').SampleRequest } | undefined)?.request;
  });
  if (request === undefined) throw new Error('no plot/sample request was sent');
  return request;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

export interface OpenOptions {
  readonly mode?: 'panel' | 'view';
  readonly viewport?: { width: number; height: number };
  /** Merged into window.__stubInit (stubHost.ts: plot settings, saved state, theme). */
  readonly init?: Record<string, unknown>;
}

/** Opens the page with a stub configuration; resolves once the first draw is done. */
export async function open({ browser, server }: TestEnv, { mode = 'panel', viewport = { width: 1400, height: 900 }, init = {} }: OpenOptions = {}): Promise<TestPage> {
  const page = await browser.newPage({ viewport });
  lastPage = page;
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.addInitScript((i) => {
    window.__stubInit = i;
  }, { mode, ...init });
  await page.goto(`${server.url}/?mode=${mode}`);
  await settled(page, 0);
  return Object.assign(page, { problems });
}
