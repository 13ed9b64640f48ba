// Prints what each page costs a first visit in Chromium: the bytes on the wire (transfer sizes,
// response headers included, as DevTools' "transferred") of its wasm and of its external
// JavaScript, the bytes of the inline <script> text in its HTML, and its request count; then,
// per page, each wasm/js response's content-encoding and the Accept-Encoding Chromium sent.
//
//   node .ci/bench.d/page-weight.mjs BASE_URL OUT_DIR 'name /path' ['name /path draft'] …
//
// Each page loads in a fresh browser context (cold cache). Chromium offers brotli only over
// HTTPS, so every request asks for `Accept-Encoding: br, gzip`, as a browser does over HTTPS.
// A page marked `draft` is loaded with a breach report started: the script starts one first as
// a person does (the self-assessment's answers, then "Start your report") and writes the cookie
// (`name=value`) to OUT_DIR/breach-cookie for Lighthouse.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { chromium } = createRequire(path.join(root, 'end2end/package.json'))('@playwright/test');

const [base, outDir, ...specs] = process.argv.slice(2);
if (!base || !outDir || specs.length === 0) {
  console.error("usage: page-weight.mjs BASE_URL OUT_DIR 'name /path [draft]'…");
  process.exit(2);
}
const pages = specs.map((spec) => {
  const [name, pathname, flag] = spec.split(/\s+/);
  return { name, pathname, draft: flag === 'draft' };
});
const ENCODING = 'br, gzip';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

/** Starts a breach report in a browser context as a person does; returns its cookie. */
async function startBreachReport() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL('/report-breach/assess?personal_data=yes&security_breach=yes&asked=risk&value=likely', base).href);
  await page.getByRole('button', { name: 'Start your report' }).click();
  await page.waitForURL(/\/report-breach\/report$/);
  const cookie = (await context.cookies()).find((c) => c.name === 'breach_draft');
  await context.close();
  if (!cookie) throw new Error('starting a breach report set no breach_draft cookie');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'breach-cookie'), `${cookie.name}=${cookie.value}`);
  return cookie;
}

/** Loads one page in a fresh context and adds up what it fetched. */
async function measure({ pathname }, cookies) {
  const context = await browser.newContext();
  if (cookies.length) await context.addCookies(cookies);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map(); // requestId → what is known of it
  const get = (id) => requests.get(id) ?? requests.set(id, { bytes: 0 }).get(id);
  cdp.on('Network.requestWillBeSent', (e) => Object.assign(get(e.requestId), { url: e.request.url, type: e.type }));
  cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
    const sent = Object.entries(e.headers).find(([k]) => k.toLowerCase() === 'accept-encoding');
    get(e.requestId).sent = sent ? sent[1] : '(none)';
  });
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    Object.assign(get(e.requestId), {
      url: e.response.url, mime: e.response.mimeType, type: e.type,
      encoding: headers['content-encoding'] || 'none', cached: e.response.fromDiskCache, status: e.response.status,
    });
  });
  cdp.on('Network.requestServedFromCache', (e) => { get(e.requestId).cached = true; });
  cdp.on('Network.loadingFinished', (e) => { get(e.requestId).bytes = e.encodedDataLength; get(e.requestId).done = true; });
  cdp.on('Network.loadingFailed', (e) => { get(e.requestId).failed = e.errorText; });
  await cdp.send('Network.enable');
  await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': ENCODING } });

  await page.goto(new URL(pathname, base).href, { waitUntil: 'networkidle', timeout: 120_000 });
  // Hydration, if the page ships wasm at all (not required: a page may ship none).
  const wasm = await page.evaluate(() => document.querySelector('link[href*=".wasm"], script[type="module"]') !== null);
  const hydrated = wasm && await page
    .waitForFunction(() => document.body?.dataset.hydrated === 'true', null, { timeout: 30_000 })
    .then(() => true, () => false);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);

  // Fetched and answered (a failed request is listed apart, below the tables).
  const all = [...requests.values()].filter((r) => r.url && !r.url.startsWith('data:') && r.done && r.status < 400);
  const document_ = all.find((r) => r.type === 'Document');
  let inline = 0;
  if (document_) {
    const id = [...requests.entries()].find(([, r]) => r === document_)[0];
    const { body, base64Encoded } = await cdp.send('Network.getResponseBody', { requestId: id });
    const html = base64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
    for (const [, attrs, text] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      if (!/\bsrc\s*=/.test(attrs)) inline += Buffer.byteLength(text);
    }
  }
  const isWasm = (r) => r.mime === 'application/wasm' || new URL(r.url).pathname.endsWith('.wasm');
  const isJs = (r) => !isWasm(r) && (/javascript|ecmascript/.test(r.mime ?? '') || /\.m?js$/.test(new URL(r.url).pathname));
  const sum = (rs) => rs.reduce((n, r) => n + r.bytes, 0);
  const h1 = (await page.locator('h1').first().textContent({ timeout: 1000 }).catch(() => '')).trim();
  await context.close();
  return {
    wasm: sum(all.filter(isWasm)), js: sum(all.filter(isJs)), inline,
    requests: all.filter((r) => !r.cached).length, hydrated: wasm ? (hydrated ? 'yes' : 'no') : 'no wasm', h1,
    failed: [...requests.values()].filter((r) => r.url && (r.failed || r.status >= 400))
      .map((r) => `${new URL(r.url).pathname} ${r.failed ?? r.status}`),
    code: all.filter((r) => isWasm(r) || isJs(r)).map((r) => ({ ...r, wasm: isWasm(r) })),
  };
}

const draftCookies = pages.some((p) => p.draft) ? [await startBreachReport()] : [];
const rows = [];
for (const p of pages) rows.push({ ...p, ...(await measure(p, p.draft ? draftCookies : [])) });
await browser.close();

const pad = (s, n) => String(s).padEnd(n);
const num = (v, n) => v.toLocaleString('en-GB').padStart(n);
const encodings = (rs) => [...new Set(rs.map((c) => c.encoding))].join('+') || '-';
console.log(`${pad('page', 18)}${'wasm'.padStart(12)} ${pad('enc', 5)}${'JS (ext)'.padStart(10)} ${pad('enc', 5)}${'inline JS'.padStart(10)}${'requests'.padStart(10)}  ${pad('hydrated', 9)} path, h1`);
for (const r of rows) {
  console.log(`${pad(r.name, 18)}${num(r.wasm, 12)} ${pad(encodings(r.code.filter((c) => c.wasm)), 5)}${num(r.js, 10)} ${pad(encodings(r.code.filter((c) => !c.wasm)), 5)}${num(r.inline, 10)}${num(r.requests, 10)}  ${pad(r.hydrated, 9)} ${r.pathname}, "${r.h1.slice(0, 40)}"`);
}
console.log('\nwasm/js responses (transfer bytes, content-encoding) and the Accept-Encoding Chromium sent:');
for (const r of rows) {
  const parts = r.code.map((c) => `${new URL(c.url).pathname} ${c.bytes.toLocaleString('en-GB')} ${c.encoding}${c.cached ? ' (cache)' : ''}`);
  const sent = [...new Set(r.code.map((c) => c.sent ?? '?'))].join(' | ');
  console.log(`  ${pad(r.name, 16)} ${parts.join('; ') || '(none)'}  [sent: ${sent || '-'}]`);
}
for (const r of rows.filter((r) => r.failed.length)) console.log(`FAILED on ${r.name}: ${r.failed.join(', ')}`);
