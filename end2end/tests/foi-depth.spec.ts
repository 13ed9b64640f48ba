import { expect, Page, test, TestInfo } from '@playwright/test';
import { addEvent, choose, confirm, date, expectAccessible, failOnPageErrors, fixture, settled, start, tick, type, write } from './helpers';
import { wordsFor } from './i18n';
import { ADMIN_EMAIL, ADMIN_PASSWORD, addStaff, runTag, signIn, signOut, who } from './staff-helpers';

// Issue 19 part 3, FOI and EIR complaints in depth, once with JavaScript and once without: an FOI
// complaint about a refusal under s.40 and s.43 is walked through the assistant (what was asked
// for, what the authority did, which exemptions, what was withheld; no harm question), the
// verdict and the confirmation say what happens next (decision notice, 28-day appeal, how long
// it takes), and the new answers are on the staff case page. axe-core checks every page.
// The server's clock is fixed on Monday 2 March 2026.

test.describe.configure({ timeout: 180_000 });

const RUN = runTag();
const PASSWORD = 'foi depth password 12';
const REQUESTED = 'The contract between the council and its waste contractor, with the prices.';
const WITHHELD = 'The prices, and the names of the staff who signed it.';
const REFUSED = 'Refused to give some or all of the information, using exemptions or exceptions';
const GROUNDS = ['Section 40: personal information', 'Section 43: commercial interests'];
const DOCUMENTS: [string, string][] = [
  ['Your request for information', 'request.eml'],
  ["The authority's reply", 'letter.pdf'],
  ['Your request for an internal review', 'notes.txt'],
  ['The result of the internal review', 'reply.docx'],
];

failOnPageErrors();

async function next(page: Page, info: TestInfo, expected: RegExp) {
  const words = await wordsFor(page);
  await page.getByRole('button', { name: words('Continue'), exact: true }).click();
  await expect(page).toHaveURL(expected);
  await settled(page, info);
}

/** What happens after an FOI complaint: the decision notice, the appeal and the time it takes. */
async function saysWhatHappensNext(page: Page) {
  const next = page.getByTestId('foi-next');
  await expect(next.getByRole('heading', { name: 'What happens after you complain' })).toBeVisible();
  await expect(next).toContainText('we issue a decision notice');
  await expect(next).toContainText('within 35 calendar days');
  await expect(next).toContainText('First-tier Tribunal (General Regulatory Chamber) within 28 calendar days');
  await expect(next).toContainText('within 6 months of receiving them');
}

/** An FOI request refused, reviewed and upheld on review: ready on 2 March 2026. */
async function foiRefusalReady(page: Page, info: TestInfo) {
  await start(page, info);
  await choose(page, info, 'A freedom of information request to a public authority', /organisation$/);
  await type(page, info, 'Leeds City Council', /scottish-authority$/);
  await choose(page, info, 'No', /\/raised$/);
  await choose(page, info, 'Yes', /raised-on$/);
  await date(page, info, ['5', '1', '2026'], /responded$/);
  await choose(page, info, 'Yes', /response-on$/);
  await date(page, info, ['30', '1', '2026'], /\/review$/);
  // The review's new answers are offered.
  await expect(page.getByLabel('No, the authority told me it has no review procedure')).toBeVisible();
  await choose(page, info, 'Yes', /review-on$/);
  await date(page, info, ['2', '2', '2026'], /review-answered$/);
  await expect(page.getByLabel('The authority refused to carry out a review')).toBeVisible();
  await choose(page, info, 'Yes', /review-outcome-on$/);
  await date(page, info, ['20', '2', '2026'], /last-contact$/);
  await date(page, info, ['', '', ''], /documents$/);
  await tick(page, info, DOCUMENTS.map(([kind]) => kind), /check$/);
  await confirm(page, info, 'ready');
  await saysWhatHappensNext(page);
}

async function upload(page: Page, info: TestInfo, kind: string, file: string) {
  await expectAccessible(page);
  await page.getByRole('radio', { name: kind, exact: true }).check();
  await page.getByLabel('Upload a file').setInputFiles(fixture(file));
  await page.getByRole('button', { name: 'Upload file' }).click();
  await expect(page).toHaveURL(/\/concern\/evidence$/);
  await settled(page, info);
  await expect(page.locator('.govuk-summary-list__row').filter({ has: page.getByText(kind, { exact: true }) })).toContainText(file);
}

test('an FOI complaint about a refusal under s.40 and s.43 carries its new answers onto the case page', async ({ page }, info) => {
  await foiRefusalReady(page, info);
  await page.getByRole('button', { name: 'Continue to send your concern' }).click();
  await expect(page).toHaveURL(/\/concern\/acting-for$/);
  await settled(page, info);
  await choose(page, info, 'Me', /organisation-match$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which organisation is your concern about?');
  await expect(page.getByRole('radio', { name: 'None of these – use the name I gave' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('radio', { name: /Leeds City Council/ }).first().check();
  await next(page, info, /information-requested$/);

  // The request, what the authority did, the exemptions and what was withheld: one per page.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What information did you ask Leeds City Council for?');
  await write(page, info, REQUESTED, /authority-action$/);
  await expect(page.getByLabel('Said it would cost too much to deal with the request')).toBeVisible();
  await expect(page.getByLabel('Extended the time it needs to consider the public interest')).toBeVisible();
  await choose(page, info, REFUSED, /exemptions$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which exemptions did Leeds City Council use?');
  await expect(page.getByLabel("I'm not sure")).toBeVisible();
  // None ticked: refused, with the message in the summary and by the question.
  await next(page, info, /exemptions$/);
  await expect(page).toHaveTitle(/^Error:/);
  await expect(page.locator('.govuk-error-summary')).toContainText('Select the exemptions or exceptions the authority used');
  await tick(page, info, GROUNDS, /withheld$/);
  await write(page, info, WITHHELD, /summary$/);
  await write(page, info, 'The council withheld most of the contract.', /timeline$/);
  await addEvent(page, info, ['5', '1', '2026'], 'Made my request');
  // No harm question for an FOI complaint: what they would like to happen comes next.
  await next(page, info, /what-you-want$/);
  await write(page, info, 'The contract, with the prices.', /evidence$/);
  for (const [kind, file] of DOCUMENTS) await upload(page, info, kind, file);
  await next(page, info, /your-name$/);
  await type(page, info, 'Sam Example', /\/email$/);
  await type(page, info, `foi-depth.${info.project.name}.${RUN}@example.com`, /\/phone$/);
  await type(page, info, '', /\/address$/);
  await write(page, info, '', /contact-by$/);
  await choose(page, info, 'Email', /adjustments$/);
  await write(page, info, '', /reply-in-welsh$/);
  await choose(page, info, 'No', /\/submit$/);

  // Check your answers: the new answers, each with its change link.
  const main = page.locator('main');
  for (const [label, value, slug] of [
    ['Information you asked for', REQUESTED, 'information-requested'],
    ['What the authority did', REFUSED, 'authority-action'],
    ['Exemptions used', GROUNDS.join(', '), 'exemptions'],
    ['Information withheld', WITHHELD, 'withheld'],
  ]) {
    const row = main.locator('.govuk-summary-list__row').filter({ has: page.getByText(label, { exact: true }) });
    await expect(row).toContainText(value);
    await expect(row.getByRole('link', { name: /Change/ })).toHaveAttribute('href', `/concern/${slug}?change=true`);
  }
  await expect(main).not.toContainText('How it has affected you');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await expect(page).toHaveURL(/\/concern\/confirmation$/);
  await settled(page, info);
  await saysWhatHappensNext(page);
  await expectAccessible(page);
  const reference = ((await page.getByTestId('reference').textContent()) ?? '').trim();
  expect(reference).toMatch(/^IC-\d{6}-[2-9A-Z]{4}$/);

  // The staff case page shows the request in its own section.
  const manager = who(info, 'foi-depth-manager');
  await signIn(page, info, ADMIN_EMAIL, ADMIN_PASSWORD, '/staff/users/new');
  await addStaff(page, info, { name: `Fola Manager ${info.project.name} ${RUN}`, email: manager, roles: ['Team manager'], password: PASSWORD });
  await signOut(page, info);
  await signIn(page, info, manager, PASSWORD, `/staff/cases/${reference}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reference);
  const section = page.locator('h3', { hasText: 'The information request' });
  await expect(section).toBeVisible();
  const request = page.locator('h3:has-text("The information request") + dl');
  for (const words of ['Freedom of Information Act 2000', REQUESTED, REFUSED, ...GROUNDS, WITHHELD, 'Asked for, and the authority gave its result']) {
    await expect(request).toContainText(words);
  }
  await expect(page.locator('main')).toContainText('The contract, with the prices.');
  await expect(page.locator('main')).not.toContainText('How it has affected them');
  await expectAccessible(page);
});
