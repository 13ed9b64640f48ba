import { Browser, expect, Page, test, TestInfo } from '@playwright/test';
import { wordsFor } from './i18n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { portal } from './portal';

export const jsEnabled = (info: TestInfo) => info.project.name === 'javascript';

/**
 * Waits until the page is ready for the person: with JavaScript, its islands awake (`data-hydrated`:
 * set by the island loader at once on a page without one, by the wasm after hydrating otherwise),
 * with a heading and a title. (After following a link, wait for its address first: until the move
 * starts, the page left behind looks settled too.)
 */
export async function settled(page: Page, info: TestInfo) {
  await page.waitForLoadState('load');
  if (jsEnabled(info)) {
    await page.waitForFunction(
      () =>
        document.body?.dataset.hydrated === 'true' &&
        document.title.trim() !== '' &&
        document.querySelector('h1') !== null &&
        !/Loading…|Loading your report/.test(document.querySelector('main')?.textContent ?? ''),
      null,
      { timeout: 10_000 },
    );
  }
}

/**
 * axe-core finds nothing against WCAG 2.2 A and AA (and axe's best practices) on the current page.
 * axe cannot run inside a page with JavaScript disabled, so there the page's own DOM is copied
 * (scripts removed) into a JavaScript-enabled page on the same origin, so its styles apply, and
 * audited there. That twin page is kept for the worker's life, so a copy costs a `setContent`, not
 * a new browser context.
 *
 * axe is put into a page once and stays for as long as its window does (through moves within the
 * site, and through every copy into the twin), and runs in the page itself: @axe-core/playwright
 * sent axe's 550 KB again for every audit and opened a blank page after each to merge frames'
 * results (these pages have no frames), which made an audit take two to three times as long.
 * The same rules run; only violations are collected in full, which is all that is asserted.
 */
export async function expectAccessible(page: Page) {
  await expectReflow(page);
  let target = page;
  if (!jsEnabled(test.info())) {
    const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/gi, '');
    target = await twinPage(page);
    await target.setContent(html, { waitUntil: 'load' });
  }
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(AXE_SOURCE);
  const violations = await target.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * WCAG 1.4.10 (reflow): a public page read 320 CSS pixels wide (1280 px at 400 % zoom, so 200 %
 * too) needs no sideways scrolling. Checked on every public page the journeys audit; staff
 * screens, whose wide tables scroll inside their own box, are left out. The viewport is put back.
 */
export async function expectReflow(page: Page) {
  if (new URL(page.url()).pathname.startsWith('/staff')) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (size) await page.setViewportSize(size);
  expect(overflow, `sideways scroll at 320 px on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** WCAG 2.2 A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Per browser: a JavaScript-enabled page on the portal's origin to audit copies of pages in. */
const twins = new WeakMap<Browser, Promise<Page>>();

async function twinPage(page: Page): Promise<Page> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const origin = new URL(page.url()).origin;
  const kept = twins.get(browser);
  if (kept !== undefined) {
    const twin = await kept;
    if (!twin.isClosed() && new URL(twin.url()).origin === origin) return twin;
  }
  const made = (async () => {
    const context = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
    const twin = await context.newPage();
    await twin.goto(new URL('/health', page.url()).toString());
    return twin;
  })();
  twins.set(browser, made);
  return made;
}

/** Starts the assistant afresh (a new browser context has no journey). */
export async function start(page: Page, info: TestInfo) {
  await page.goto('/');
  await settled(page, info);
  await expectAccessible(page);
  const words = await wordsFor(page);
  await page.getByRole('button', { name: words('Start now') }).click();
  await expect(page).toHaveURL(/\/concern\/about$/);
  await settled(page, info);
}

async function next(page: Page, info: TestInfo, expected: RegExp) {
  const words = await wordsFor(page);
  await page.getByRole('button', { name: words('Continue') }).click();
  await expect(page).toHaveURL(expected);
  await settled(page, info);
}

/** On a question page: checks it, chooses a radio option and continues to `expected`. */
export async function choose(page: Page, info: TestInfo, label: string, expected: RegExp) {
  await expectAccessible(page);
  const words = await wordsFor(page);
  await page.getByLabel(words(label), { exact: true }).check();
  await next(page, info, expected);
}

/** On a date question: checks it, types the date and continues. */
export async function date(page: Page, info: TestInfo, [day, month, year]: string[], expected: RegExp) {
  await expectAccessible(page);
  const words = await wordsFor(page);
  await page.getByLabel(words('Day')).fill(day);
  await page.getByLabel(words('Month')).fill(month);
  await page.getByLabel(words('Year')).fill(year);
  await next(page, info, expected);
}

/** On a text question: checks it, types and continues. */
export async function type(page: Page, info: TestInfo, text: string, expected: RegExp) {
  await expectAccessible(page);
  await page.locator('input[name="value"]').fill(text);
  await next(page, info, expected);
}

/** On the documents question: ticks the given documents and continues. */
export async function tick(page: Page, info: TestInfo, labels: string[], expected: RegExp) {
  await expectAccessible(page);
  const words = await wordsFor(page);
  for (const label of labels) await page.getByLabel(words(label)).check();
  await next(page, info, expected);
}

/** On the check page: checks it and continues to the verdict page. */
export async function confirm(page: Page, info: TestInfo, verdict: string) {
  const words = await wordsFor(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words('Check your answers'));
  await expectAccessible(page);
  await page.getByRole('button', { name: words('Continue') }).click();
  await expect(page).toHaveURL(new RegExp(`/concern/result/${verdict}$`));
  await settled(page, info);
  await expectAccessible(page);
}

/** On a question with a textarea (a character count): checks it, types and continues. */
export async function write(page: Page, info: TestInfo, text: string, expected: RegExp) {
  await expectAccessible(page);
  await page.locator('textarea[name="value"]').fill(text);
  await next(page, info, expected);
}

/** On a question with a select: checks it, chooses the option with this label and continues. */
export async function select(page: Page, info: TestInfo, label: string, expected: RegExp) {
  await expectAccessible(page);
  const words = await wordsFor(page);
  const option = words(label);
  const value = typeof option === 'string' ? option : label;
  await page.locator('select[name="value"]').selectOption({ label: value });
  await next(page, info, expected);
}

/** A sample upload in end2end/fixtures. */
export const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);

/** One message the SMTP server received, as stored in its Maildir. */
export interface Mail {
  file: string;
  headers: Record<string, string>;
  subject: string;
  to: string;
  body: string;
}

/** The Maildir the project's SMTP server stores what its portal sends into (see `.ci/e2e`). */
export function maildir(): string {
  const dir = portal().maildir;
  if (!dir) {
    throw new Error(
      'no Maildir: run an SMTP server into one ' +
        '(python3 -m aiosmtpd -n -l 127.0.0.1:2525 -c aiosmtpd.handlers.Mailbox DIR), start the portal with ' +
        'PORTAL_SMTP_URL=smtp://127.0.0.1:2525 and set PORTAL_E2E_MAILDIR=DIR',
    );
  }
  return dir;
}

/** Every message delivered so far (Maildir `new/` and `cur/`), oldest first. */
export function mails(): Mail[] {
  const dir = maildir();
  const found: { file: string; at: number }[] = [];
  for (const part of ['new', 'cur']) {
    const folder = path.join(dir, part);
    if (!fs.existsSync(folder)) continue;
    for (const name of fs.readdirSync(folder)) {
      const file = path.join(folder, name);
      found.push({ file, at: fs.statSync(file).mtimeMs });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ file }) => parseMail(file, fs.readFileSync(file, 'utf8')));
}

/** Waits (20 s by default: the outbox is polled every 2 s) for a message whose subject includes `subjectIncludes`. */
export async function waitForMail(subjectIncludes: string, timeout = 20_000): Promise<Mail> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const mail = mails().find((m) => m.subject.includes(subjectIncludes));
    if (mail) return mail;
    if (Date.now() > deadline) {
      const seen = mails().map((m) => m.subject);
      throw new Error(`no email with the subject "${subjectIncludes}" within ${timeout} ms; received: ${JSON.stringify(seen)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Headers (unfolded, RFC 2047 words decoded, names lower-cased) and the decoded text body. */
export function parseMail(file: string, text: string): Mail {
  const split = text.search(/\r?\n\r?\n/);
  const head = split < 0 ? text : text.slice(0, split);
  const rawBody = split < 0 ? '' : text.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const encoding = (headers['content-transfer-encoding'] || '').toLowerCase();
  let body = rawBody;
  if (encoding === 'base64') body = Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') body = decodeQuotedPrintable(rawBody);
  return { file, headers, subject: headers['subject'] || '', to: headers['to'] || '', body };
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const soft = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The page's errors from now on: console errors (a hydration mismatch, a panic in the wasm) and
 * uncaught exceptions. The browser's own request for /favicon.ico is not the portal's.
 */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    const favicon = message.location().url.endsWith('/favicon.ico');
    if (message.type() === 'error' && !favicon) errors.push(`${message.text()} ${message.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Fails every test of the file that calls this (at its top level) on any of its page's errors
 * ([pageErrors]): with JavaScript, a page that hydrates with a mismatch or panics fails its test.
 */
export function failOnPageErrors(): void {
  let errors: string[] = [];
  test.beforeEach(async ({ page }) => {
    errors = pageErrors(page);
  });
  test.afterEach(async () => {
    expect(errors).toEqual([]);
  });
}

/** On the timeline: adds one event and sees it listed. */
export async function addEvent(page: Page, info: TestInfo, [day, month, year]: string[], what: string) {
  await expectAccessible(page);
  const words = await wordsFor(page);
  await page.getByLabel(words('Day')).fill(day);
  await page.getByLabel(words('Month')).fill(month);
  await page.getByLabel(words('Year')).fill(year);
  await page.getByLabel(words('What happened on that date')).fill(what);
  await page.getByRole('button', { name: words('Add event') }).click();
  await expect(page).toHaveURL(/timeline$/);
  await settled(page, info);
  await expect(page.locator('.govuk-summary-list')).toContainText(what);
  await expectAccessible(page);
}
