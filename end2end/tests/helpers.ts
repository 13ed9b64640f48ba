import { expect, Page, test, TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const jsEnabled = (info: TestInfo) => info.project.name === 'javascript';

/** Waits until the page is ready for the person: hydrated when JavaScript runs. */
export async function settled(page: Page, info: TestInfo) {
  await page.waitForLoadState('load');
  if (jsEnabled(info)) {
    await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  }
}

/**
 * axe-core finds nothing against WCAG 2.2 A and AA on the current page. axe cannot run inside a
 * page with JavaScript disabled, so there the page's own DOM is copied (scripts removed) into a
 * JavaScript-enabled page on the same origin, so its styles apply, and audited there.
 */
export async function expectAccessible(page: Page) {
  const context = page.context();
  const jsOff = !jsEnabled(test.info());
  let target = page;
  if (jsOff) {
    const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/gi, '');
    const browser = context.browser();
    if (!browser) throw new Error('no browser');
    const twinContext = await browser.newContext({ javaScriptEnabled: true });
    target = await twinContext.newPage();
    await target.goto(new URL('/health', page.url()).toString());
    await target.setContent(html, { waitUntil: 'load' });
  }
  try {
    await auditWithAxe(target, page.url());
  } finally {
    if (target !== page) await target.context().close();
  }
}

async function auditWithAxe(page: Page, url: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${url}`).toEqual([]);
}

/** Starts the assistant afresh (a new browser context has no journey). */
export async function start(page: Page, info: TestInfo) {
  await page.goto('/');
  await settled(page, info);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page).toHaveURL(/\/concern\/about$/);
  await settled(page, info);
}

async function next(page: Page, info: TestInfo, expected: RegExp) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(expected);
  await settled(page, info);
}

/** On a question page: checks it, chooses a radio option and continues to `expected`. */
export async function choose(page: Page, info: TestInfo, label: string, expected: RegExp) {
  await expectAccessible(page);
  await page.getByLabel(label, { exact: true }).check();
  await next(page, info, expected);
}

/** On a date question: checks it, types the date and continues. */
export async function date(page: Page, info: TestInfo, [day, month, year]: string[], expected: RegExp) {
  await expectAccessible(page);
  await page.getByLabel('Day').fill(day);
  await page.getByLabel('Month').fill(month);
  await page.getByLabel('Year').fill(year);
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
  for (const label of labels) await page.getByLabel(label).check();
  await next(page, info, expected);
}

/** On the check page: checks it and continues to the verdict page. */
export async function confirm(page: Page, info: TestInfo, verdict: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(`/concern/result/${verdict}$`));
  await settled(page, info);
  await expectAccessible(page);
}
