import { expect, Page, test, TestInfo } from '@playwright/test';
import { expectAccessible, failOnPageErrors, settled } from './helpers';
import { answerIncident, arrive, Channel, CHANNEL_LABEL, press } from './nuisance-helpers';

// The public nuisance calls and messages reporting journey, once with JavaScript and once without
// (the config's two projects), with axe-core on every page. The server's clock is fixed on
// Monday 2 March 2026, so the calls and messages happened on Sunday 1 March.
test.describe.configure({ timeout: 240_000 });

// With JavaScript, the pages hydrate without errors (a mismatch between the server's HTML and
// the browser's would show here).
failOnPageErrors();

const EML = [
  'Return-Path: <bounce@mailer.example.net>',
  'Received: from mailer.example.net by mx.example.org; Sun, 1 Mar 2026 09:15:00 +0000',
  'From: "Green Deal Energy" <offers@greendeal.example.com>',
  'To: me@example.org',
  'Subject: Free solar panels',
  'Date: Sun, 1 Mar 2026 09:15:00 +0000',
  '',
  'Claim your free solar panels today!',
  '',
].join('\r\n');

async function startReport(page: Page, info: TestInfo) {
  await page.goto('/report-nuisance');
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report a nuisance call or message');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await arrive(page, info, 'channel');
}

/** Answers one call or message from the channel page to "Check this call or message". */
async function reportOne(page: Page, info: TestInfo, channel: Channel, sender: string) {
  await answerIncident(page, info, {
    channel,
    sender,
    messageText: 'WINNER! Call 09061701461 to claim your prize',
    advertisedNumber: '09061701461',
    eml: EML,
    company: 'Green Deal Energy Ltd',
    scam: channel === 'email' ? 'Yes' : 'No',
    preferenceService: 'No',
    description: 'They contact me every day.',
    checks: {
      company: async (page) => {
        if (channel === 'text' || channel === 'automated_call') {
          // A premium-rate 09 number: the premium-rate regulator is named, and the report goes on.
          await expect(page.getByTestId('signposts')).toContainText('Ofcom (phone-paid services)');
        }
      },
      relationship: async (page) => {
        if (channel === 'email') await expect(page.getByTestId('signposts')).toContainText('Action Fraud');
      },
    },
  });
  await expect(page.locator('.govuk-summary-list')).toContainText(CHANNEL_LABEL[channel]);
}

/** From "Check this call or message": no more calls or messages, the details (given or not), to
 * the check page. */
async function toCheck(page: Page, info: TestInfo, details: boolean) {
  await press(page, 'Save and continue');
  await arrive(page, info, 'another');
  await page.getByLabel('No', { exact: true }).check();
  await press(page);
  await arrive(page, info, 'your-details');
  if (details) {
    await page.getByLabel('Full name (optional)').fill('Sam Smith');
    await page.getByLabel('Email address (optional)').fill('sam@example.org');
    await page.getByLabel('Postcode (optional)').fill('SW1A 1AA');
    // Remembered for the next report only when asked (issue 18).
    await page.getByLabel('Remember my details on this device for my next report').check();
  }
  await press(page);
  await arrive(page, info, 'check');
}

/** From "Check this call or message": no more, details, check, send; returns the confirmation text. */
async function sendReport(page: Page, info: TestInfo, details = true): Promise<string> {
  await toCheck(page, info, details);
  await press(page, 'Send report');
  await expect(page).toHaveURL(/\/report-nuisance\/confirmation$/);
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report sent');
  await expectAccessible(page);
  await expect(page.getByTestId('report-number')).toHaveText(/^NR-\d{6,}-[2-9ACEFHJKMNPRTWXY]$/);
  return (await page.locator('main').textContent()) ?? '';
}

const CASES: [Channel, string, string, string][] = [
  ['text', 'a text message', '09061701461', 'Forward the text to 7726'],
  ['live_call', 'a live call', '020 7946 0123', 'Register your number with the Telephone Preference Service'],
  ['automated_call', 'an automated call', '08002986030', 'must not make recorded marketing calls to you unless you have specifically agreed'],
  ['email', 'an email', 'offers@greendeal.example.com', 'report it to Action Fraud'],
  ['fax', 'a fax', '020 7946 0123', 'Register your fax number with the Fax Preference Service'],
];

for (const [channel, name, sender, advice] of CASES) {
  test(`${name} is reported, with the advice that fits`, async ({ page }, info) => {
    await startReport(page, info);
    await reportOne(page, info, channel, sender);
    const confirmation = await sendReport(page, info);
    expect(confirmation).toContain(advice);
    expect(confirmation).toMatch(/has been reported (once|twice|\d+ times) in the last 30 days/);
  });
}

/** How often the confirmation says this number was reported. */
function reportedTimes(confirmation: string, display: string): number {
  const at = confirmation.indexOf(`${display}: This number has been reported `);
  expect(at, `the count for ${display}`).toBeGreaterThanOrEqual(0);
  const rest = confirmation.slice(at);
  const times = /reported (once|twice|(\d+) times)/.exec(rest);
  if (!times) throw new Error(`no count in ${rest}`);
  return times[1] === 'once' ? 1 : times[1] === 'twice' ? 2 : Number(times[2]);
}

test('another call goes in the same report, and the count goes up when the number is reported again', async ({ page }, info) => {
  await startReport(page, info);
  await reportOne(page, info, 'text', '09061701461');
  await press(page, 'Save and continue');
  await arrive(page, info, 'another');
  await page.getByLabel('Yes', { exact: true }).check();
  await press(page);
  await arrive(page, info, 'channel');
  await reportOne(page, info, 'live_call', '020 7946 0123');
  const first = await sendReport(page, info);
  const before = reportedTimes(first, '0906 170 1461');

  await page.getByRole('link', { name: 'Report another call or message' }).click();
  await arrive(page, info, 'channel');
  await reportOne(page, info, 'text', '09061701461');
  await press(page, 'Save and continue');
  await arrive(page, info, 'another');
  await page.getByLabel('No', { exact: true }).check();
  await press(page);
  await arrive(page, info, 'your-details');
  // The details given last time are kept for the next report.
  await expect(page.getByLabel('Full name (optional)')).toHaveValue('Sam Smith');
  await press(page);
  await arrive(page, info, 'check');
  await press(page, 'Send report');
  await expect(page).toHaveURL(/\/report-nuisance\/confirmation$/);
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report sent');
  const second = (await page.locator('main').textContent()) ?? '';
  expect(reportedTimes(second, '0906 170 1461')).toBe(before + 1);
});

test('a double click on Send report shows the confirmation once, and sends one report', async ({ page }, info) => {
  await startReport(page, info);
  await reportOne(page, info, 'text', '09061701461');
  await toCheck(page, info, false);
  await page.getByRole('button', { name: 'Send report' }).dblclick();
  await expect(page).toHaveURL(/\/report-nuisance\/confirmation$/);
  await settled(page, info);
  await expect(page).toHaveTitle(/^Report sent/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report sent');
  const number = await page.getByTestId('report-number').textContent();
  // A reload shows the same report: the second click sent nothing more.
  await page.reload();
  await settled(page, info);
  await expect(page.getByTestId('report-number')).toHaveText(number ?? '');
});

test('a problem is shown next to the field and the error summary links to it', async ({ page }, info) => {
  await startReport(page, info);
  await press(page);
  // A refusal comes back to the same address: wait for the answer before looking at the page.
  await expect(page).toHaveTitle(/^Error:/);
  await arrive(page, info, 'channel');
  const channelLink = page.locator('.govuk-error-summary a', { hasText: 'Select how they contacted you' });
  await expect(channelLink).toHaveAttribute('href', '#channel');
  await page.getByLabel('A text message', { exact: true }).check();
  await press(page);
  await arrive(page, info, 'when');
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('2');
  await page.getByLabel('Year').fill('2026');
  await press(page);
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await arrive(page, info, 'when');
  const link = page.locator('.govuk-error-summary a', { hasText: 'The date must be a real date' });
  await expect(link).toHaveAttribute('href', '#when-day');
  await expect(page.locator('#when-error')).toContainText('The date must be a real date');
  await expect(page.getByLabel('Day')).toHaveValue('31');
  await expect(page.locator('#when-day')).toHaveClass(/govuk-input--error/);
});

test('a silent call is sent to Ofcom and nothing is recorded', async ({ page }, info) => {
  await startReport(page, info);
  await page.getByLabel(CHANNEL_LABEL.live_call, { exact: true }).check();
  await press(page);
  await arrive(page, info, 'silent-or-abandoned');
  await page.getByLabel('Yes', { exact: true }).check();
  await press(page);
  await arrive(page, info, 'silent-call');
  await expect(page.getByRole('heading', { level: 2, name: 'Ofcom', exact: true })).toBeVisible();
  await expect(page.getByText('We have not kept anything about this call.')).toBeVisible();
});
