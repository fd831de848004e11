// Generates the plot's image assets in media/ from code, so they can be rebuilt and reviewed:
//   media/plot-light.svg, media/plot-dark.svg  the panel tab icon: media/activity-bar.svg
//                                              (monochrome, currentColor) in fixed greys
//   media/icon.png                             the 128×128 extension icon: GELU and its minimum,
//                                              drawn as SVG and rendered by headless Chromium
// Run: node scripts/make-icons.js (needs Debian's chromium, as the browser tests do).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const media = path.resolve(__dirname, '..', 'media');

const activity = fs.readFileSync(path.join(media, 'activity-bar.svg'), 'utf8');
fs.writeFileSync(path.join(media, 'plot-light.svg'), activity.replace(/currentColor/g, '#424242'));
fs.writeFileSync(path.join(media, 'plot-dark.svg'), activity.replace(/currentColor/g, '#c5c5c5'));

/** Φ(x) through erf's Maclaurin series (|x| ≤ 4 here: plenty for a picture). */
function phi(x) {
  const z = x / Math.SQRT2;
  let sum = 0;
  let term = z;
  for (let n = 0; n < 120; n++) {
    sum += term / (2 * n + 1);
    term *= (-z * z) / (n + 1);
  }
  return 0.5 * (1 + (2 / Math.sqrt(Math.PI)) * sum);
}

// x ∈ [−3, 2.6] onto 12..116; y ∈ [−0.5, 2.6] onto 110..14 (the dip exaggerated ×2 to read at 16 px).
const px = (x) => 12 + ((x + 3) / 5.6) * 104;
const py = (y) => 96 - y * 31;
const points = [];
for (let i = 0; i <= 160; i++) {
  const x = -3 + (5.6 * i) / 160;
  const f = x * phi(x);
  points.push(`${px(x).toFixed(2)},${py(f < 0 ? 2 * f : f).toFixed(2)}`);
}
const minX = -0.7517915246935645;
const minF = minX * phi(minX);

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1d2b45"/>
      <stop offset="1" stop-color="#0b1220"/>
    </linearGradient>
    <linearGradient id="curve" x1="0" y1="1" x2="1" y2="0">
      <stop offset="0" stop-color="#4fc3f7"/>
      <stop offset="1" stop-color="#7c9cff"/>
    </linearGradient>
  </defs>
  <rect x="2" y="2" width="124" height="124" rx="26" fill="url(#bg)"/>
  <g stroke="#ffffff" stroke-opacity="0.28" stroke-width="2" stroke-linecap="round">
    <path d="M12 ${py(0)}H116"/>
    <path d="M${px(0)} 16V112"/>
  </g>
  <polyline points="${points.join(' ')}" fill="none" stroke="url(#curve)" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>
  <circle cx="${px(minX).toFixed(2)}" cy="${py(2 * minF).toFixed(2)}" r="7" fill="#0b1220" stroke="#ffb74d" stroke-width="4"/>
</svg>`;

async function main() {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean).find((p) => fs.existsSync(p));
  if (!executablePath) throw new Error("Chromium not found: install Debian's `chromium` package (or set CHROMIUM_PATH).");
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.screenshot({ path: path.join(media, 'icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
  } finally {
    await browser.close();
  }
  console.log('wrote media/icon.png, media/plot-light.svg, media/plot-dark.svg');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
