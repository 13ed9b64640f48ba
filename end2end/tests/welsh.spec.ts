import { expect, Page, test, TestInfo } from '@playwright/test';
import { choose, confirm, expectAccessible, failOnPageErrors, settled, start, type } from './helpers';
import { welsh, welshOf } from './i18n';
import { answerIncident, arrive, press } from './nuisance-helpers';

// Issue 20's journeys in Welsh, with JavaScript and without (the config's two projects), axe-core
// on every page: a person switches to Welsh on the start page and the concerns assistant gives
// them a "not yet" letter in Welsh, with its download and reminder in Welsh; a nuisance report and
// a breach self-assessment are made in Welsh. The steps are written with the English words and
// read in Welsh through the portal's own catalogues (i18n.ts), so a missing or English text fails.
// (Handing a concern in, in Welsh, with the Welsh acknowledgement: submission.spec.ts.)
// The server's clock is fixed on Monday 2 March 2026.
test.describe.configure({ timeout: 240_000 });

failOnPageErrors();

/** Switches to Welsh with the link on the start page, as a person would. */
async function switchToWelsh(page: Page, info: TestInfo) {
  await page.goto('/');
  await settled(page, info);
  await page.getByRole('link', { name: "Newid yr iaith i'r Gymraeg" }).click();
  await settled(page, info);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expectAccessible(page);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test('the assistant gives a subject access letter in Welsh, to print, download and be reminded by', async ({ page }, info) => {
  await switchToWelsh(page, info);
  await start(page, info);
  await expect(heading(page)).toHaveText(welsh('What is your concern about?'));
  await choose(page, info, 'An organisation has not given me a copy of my personal information', /organisation$/);
  await type(page, info, 'Acme Energy Ltd', /organisation-country$/);
  await choose(page, info, 'In the UK', /\/raised$/);
  await choose(page, info, 'No', /check$/);
  await confirm(page, info, 'not-yet');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(heading(page)).toHaveText(welsh('Ask the organisation for your information first'));
  // Dates in Welsh: 2 March + 1 month = 2 April 2026.
  await expect(page.locator('main')).toContainText('2 Ebrill 2026');
  const letter = page.locator('.app-letter');
  await expect(letter).toContainText('Acme Energy Ltd');
  await expect(letter).toContainText(welshOf('letter.subject_access_request.title'));
  await expect(letter).not.toContainText('Dear Sir or Madam');

  // The letter to download and the reminder are in Welsh too.
  const download = await page.request.get('/concern/letter.txt');
  expect(download.status()).toBe(200);
  const text = await download.text();
  expect(text).toContain(welshOf('letter.subject_access_request.subject'));
  expect(text).not.toContain('Dear Sir or Madam');
  const ics = await (await page.request.get('/concern/reminder.ics')).text();
  expect(ics).toContain('DTSTART;VALUE=DATE:20260403');
  expect(ics).not.toContain("You can raise your concern with the Information Commissioner's Office");

  await page.getByRole('link', { name: welsh('Open the letter to print it') }).click();
  await expect(page).toHaveURL(/\/concern\/letter$/);
  await settled(page, info);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(heading(page)).toHaveText(welshOf('letter.subject_access_request.title'));
  await expectAccessible(page);
});

test('a nuisance text message is reported in Welsh', async ({ page }, info) => {
  await switchToWelsh(page, info);
  await page.goto('/report-nuisance');
  await settled(page, info);
  await expect(heading(page)).toHaveText(welsh('Report a nuisance call or message'));
  await expectAccessible(page);
  await page.getByRole('button', { name: welsh('Start now') }).click();
  await arrive(page, info, 'channel');
  await answerIncident(page, info, {
    channel: 'text',
    sender: '09061701461',
    messageText: 'WINNER! Call 09061701461 to claim your prize',
    company: 'Green Deal Energy Ltd',
    scam: 'No',
    preferenceService: 'No',
  });
  await press(page, 'Save and continue');
  await arrive(page, info, 'another');
  await page.getByLabel(welsh('No'), { exact: true }).check();
  await press(page);
  await arrive(page, info, 'your-details');
  await press(page);
  await arrive(page, info, 'check');
  await press(page, 'Send report');
  await expect(page).toHaveURL(/\/report-nuisance\/confirmation$/);
  await settled(page, info);
  await expect(heading(page)).toHaveText(welsh('Report sent'));
  await expect(page.getByTestId('report-number')).toHaveText(/^NR-\d{6,}-[2-9ACEFHJKMNPRTWXY]$/);
  await expectAccessible(page);
});

test('a breach self-assessment is made in Welsh', async ({ page }, info) => {
  await switchToWelsh(page, info);
  await page.goto('/report-breach');
  await settled(page, info);
  await expect(heading(page)).toHaveText(welsh('Report a personal data breach'));
  await expectAccessible(page);
  await page.getByRole('button', { name: welsh('Start now') }).click();
  await expect(page).toHaveURL(/\/report-breach\/assess$/);
  await settled(page, info);
  await expect(heading(page)).toHaveText(welsh('Did the incident involve personal data?'));
  await expectAccessible(page);
  // Without an answer, the error is in Welsh and linked from the summary.
  await page.getByRole('button', { name: welsh('Continue') }).click();
  await settled(page, info);
  await expect(page.locator('.govuk-error-summary a[href="#value"]')).toHaveText(
    welsh('Select whether the incident involved personal data'),
  );
  await expectAccessible(page);
  await page.getByLabel(welsh('Yes'), { exact: true }).check();
  await page.getByRole('button', { name: welsh('Continue') }).click();
  await settled(page, info);
  await expect(heading(page)).toHaveText(welshOf('breach.assess.security-breach.heading'));
  await expectAccessible(page);
  await page.getByLabel(welsh('Yes'), { exact: true }).check();
  await page.getByRole('button', { name: welsh('Continue') }).click();
  await settled(page, info);
  await page.getByLabel(welsh('Yes, it is likely')).check();
  await page.getByRole('button', { name: welsh('Continue') }).click();
  await settled(page, info);
  await expect(heading(page)).toHaveText(welsh('You need to report this breach'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expectAccessible(page);
});
