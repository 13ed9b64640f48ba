import { expect, Page, test, TestInfo } from '@playwright/test';
import { addEvent, choose, confirm, date, expectAccessible, jsEnabled, select, settled, start, tick, type, write } from './helpers';

// Issue 18, part A: the pages around every journey, each service's own name, and the concerns
// journey's last fixes. Runs with and without JavaScript (the two projects); axe (WCAG 2.2 A and
// AA, target size included) on every page. The server's clock is fixed on Monday 2 March 2026.

const CONCERNS = 'Raise a concern about your information rights';

/** Nothing scrolls sideways at this width (320 CSS pixels is 1280 at 400%, or 640 at 200%). */
async function expectNoSidewaysScroll(page: Page, width: number) {
  await page.setViewportSize({ width, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `sideways scroll at ${width}px on ${page.url()}`).toBeLessThanOrEqual(0);
}

async function next(page: Page, info: TestInfo, expected: RegExp) {
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page).toHaveURL(expected);
  await settled(page, info);
}

for (const [path, heading] of [
  ['/privacy', 'Privacy notice'],
  ['/cookies', 'Cookies'],
  ['/accessibility', 'Accessibility statement'],
  ['/contact', 'Contact us'],
]) {
  test(`${path} is written for the service, linked from the footer, accessible and fits 320px`, async ({ page }, info) => {
    await page.goto('/');
    await settled(page, info);
    await page.locator('footer').getByRole('link', { name: heading === 'Contact us' ? 'Contact' : heading.replace('Privacy notice', 'Privacy'), exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await settled(page, info);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page).toHaveTitle(`${heading} - ${CONCERNS}`);
    await expect(page.locator('main')).not.toContainText('info.');
    await expectAccessible(page);
    await expectNoSidewaysScroll(page, 320);
    await expectAccessible(page);
  });
}

test('the published data sets are linked from the footer, listed, accessible and fit 320px, in English and Welsh', async ({ page }, info) => {
  await page.goto('/');
  await settled(page, info);
  await page.locator('footer').getByRole('link', { name: 'Published data sets', exact: true }).click();
  await expect(page).toHaveURL(/\/data-sets$/);
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaints and concerns data sets');
  await expect(page.locator('main')).not.toContainText('data_sets.');
  await expectAccessible(page);
  await expectNoSidewaysScroll(page, 320);
  // Each set has its section; a file listed opens as CSV.
  await expect(page.locator('main').getByRole('heading', { level: 2 })).toHaveCount(4);
  const files = page.locator('main a[href$=".csv"]');
  if ((await files.count()) > 0) {
    const csv = await page.request.get((await files.first().getAttribute('href')) ?? '');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
  }
  await page.getByRole('link', { name: "Newid yr iaith i'r Gymraeg" }).click();
  await expect(page).toHaveURL(/\/data-sets$/);
  await settled(page, info);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.locator('footer')).toContainText('Setiau data cyhoeddedig');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Change the language to English' }).click();
  await settled(page, info);
});

test('the cookies page lists every cookie the portal sets, all strictly necessary', async ({ page }, info) => {
  await page.goto('/cookies');
  await settled(page, info);
  const names = page.getByTestId('cookies').locator('tbody th');
  await expect(names).toHaveText(['journey', 'refused', 'breach_draft', 'track_session', 'lang', 'portal_staff']);
  await expect(page.locator('main')).toContainText('strictly necessary');
});

test('the accessibility statement follows the public sector format', async ({ page }, info) => {
  await page.goto('/accessibility');
  await settled(page, info);
  for (const name of [
    'How accessible this website is',
    'Feedback and contact information',
    'Reporting accessibility problems with this website',
    'Enforcement procedure',
    "Technical information about this website's accessibility",
    'Compliance status',
    'How we tested this website',
    'Preparation of this accessibility statement',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: /Equality Advisory and Support Service/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Equality Commission for Northern Ireland/ })).toBeVisible();
  await expect(page.locator('main')).toContainText('version 2.2 AA');
});

test('the Beta banner’s feedback is a link to the contact page’s feedback section', async ({ page }, info) => {
  await page.goto('/report-nuisance');
  await settled(page, info);
  await page.locator('.govuk-phase-banner').getByRole('link', { name: 'give your feedback' }).click();
  await expect(page).toHaveURL(/\/contact#feedback$/);
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 2, name: 'Give feedback on this service' })).toBeVisible();
  for (const words of ['0303 123 1113', 'Wycliffe House', 'another format', 'Welsh']) {
    await expect(page.locator('main')).toContainText(words);
  }
  await expectAccessible(page);
});

test('each service has its own name in the header and the title', async ({ page }, info) => {
  for (const [path, name] of [
    ['/', CONCERNS],
    ['/report-nuisance', 'Report a nuisance call or message'],
    ['/report-breach', 'Report a personal data breach'],
  ]) {
    await page.goto(path);
    await settled(page, info);
    await expect(page.locator('.govuk-header__service-name')).toHaveText(name);
    await expect(page).toHaveTitle(new RegExp(`(^|- )${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    await expect(page).not.toHaveTitle(path === '/' ? /^$/ : new RegExp(CONCERNS));
    await expectAccessible(page);
    await expectNoSidewaysScroll(page, 320);
  }
});

test('a body the directory lists as a public authority is not asked about', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'A freedom of information request to a public authority', /organisation$/);
  await type(page, info, 'Leeds City Council', /scottish-authority$/);
  await expectAccessible(page);
  await expect(page.getByRole('link', { name: 'Back', exact: true })).toHaveAttribute('href', '/concern/organisation');
});

test('waiting for an internal review, an unhappy result can come back sooner', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'A freedom of information request to a public authority', /organisation$/);
  await type(page, info, 'Leeds City Council', /scottish-authority$/);
  await choose(page, info, 'No', /\/raised$/);
  await choose(page, info, 'Yes', /raised-on$/);
  await date(page, info, ['5', '1', '2026'], /responded$/);
  await choose(page, info, 'Yes', /response-on$/);
  await date(page, info, ['30', '1', '2026'], /\/review$/);
  await choose(page, info, 'Yes', /review-on$/);
  await date(page, info, ['20', '2', '2026'], /review-answered$/);
  await choose(page, info, 'No', /last-contact$/);
  await date(page, info, ['', '', ''], /documents$/);
  await tick(page, info, ['Your request for information'], /check$/);
  await confirm(page, info, 'not-yet');
  await expect(page.getByTestId('come-back')).toContainText('or sooner if you get the result of the review and are not happy with it');
});

test('the ready verdict of a serious concern not raised first promises no list it does not show; the hand-in asks what they would like to happen', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'How an organisation has used or looked after my personal information', /organisation$/);
  await type(page, info, 'Acme Energy Ltd', /organisation-country$/);
  await choose(page, info, 'In the UK', /\/raised$/);
  await choose(page, info, 'No', /exceptions$/);
  await choose(page, info, 'It is serious or affects a lot of people', /check$/);
  // Check your answers: one distinct label per row.
  const keys = await page.locator('.govuk-summary-list__key').allTextContents();
  expect(new Set(keys).size).toBe(keys.length);
  await confirm(page, info, 'ready');
  await expect(page.locator('main')).not.toContainText('documents below');
  await expect(page.locator('main')).toContainText('copies of any letters, emails or other documents that show what happened');
  await expect(page.locator('main')).toContainText('what you would like to happen');
  await expectNoSidewaysScroll(page, 320);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('button', { name: 'Continue to send your concern' }).click();
  await expect(page).toHaveURL(/\/concern\/acting-for$/);
  await settled(page, info);
  await choose(page, info, 'Me', /organisation-match$/);
  await expect(page.getByRole('radio', { name: 'None of these – use the name I gave' })).toBeVisible();
  await choose(page, info, 'None of these – use the name I gave', /sector$/);
  await select(page, info, 'Other business, such as a shop', /summary$/);
  await expect(page.locator('#summary-info')).toHaveText(/2,000 characters/);
  if (jsEnabled(info)) {
    await page.locator('textarea[name="value"]').fill('a'.repeat(5000));
    await expect(page.locator('#summary-info')).toHaveText('You have 3,000 characters too many');
  }
  await write(page, info, 'They published my details.', /timeline$/);
  await addEvent(page, info, ['5', '1', '2026'], 'They published it.');
  await next(page, info, /harm$/);
  await write(page, info, 'I was worried.', /what-you-want$/);

  // One question on its page, refused when empty, with the count's limit as people write it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What would you like to happen?');
  await expect(page.locator('#what-you-want-info')).toHaveText(/1,000 characters/);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page, 320);
  await page.setViewportSize({ width: 1280, height: 800 });
  await next(page, info, /what-you-want$/);
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter what you would like to happen');
  await expect(page).toHaveTitle(/^Error:/);
  await expectAccessible(page);
  await write(page, info, 'That they take it down and apologise.', /evidence$/);
});
