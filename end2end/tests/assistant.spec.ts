import { expect, test } from '@playwright/test';
import { choose, confirm, date, expectAccessible, jsEnabled, settled, start, tick, type } from './helpers';

// The server's clock is fixed on Monday 2 March 2026.

test('a data protection concern the organisation has not answered in 30 days is ready', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'How an organisation has used or looked after my personal information', /organisation$/);
  await type(page, info, 'Acme Energy Ltd', /organisation-country$/);
  await choose(page, info, 'In the UK', /\/raised$/);
  await choose(page, info, 'Yes', /raised-on$/);
  await date(page, info, ['5', '1', '2026'], /responded$/);
  await choose(page, info, 'No', /last-contact$/);
  await date(page, info, ['', '', ''], /documents$/);
  await tick(page, info, ['Your complaint to the organisation'], /check$/);
  await confirm(page, info, 'ready');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You can raise your concern with us');
  await expect(page.getByText('They should have replied by 4 February 2026')).toBeVisible();
  await expect(page.getByText('Send us your concern by 5 April 2026')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Your complaint to the organisation' })).toBeVisible();
});

test('an FOI complaint more than 3 months after the review result is late', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'A freedom of information request to a public authority', /organisation$/);
  // Listed in the organisation directory as a public authority: not asked (issue 18).
  await type(page, info, 'Leeds City Council', /scottish-authority$/);
  await choose(page, info, 'No', /\/raised$/);
  await choose(page, info, 'Yes', /raised-on$/);
  await date(page, info, ['1', '10', '2025'], /responded$/);
  await choose(page, info, 'Yes', /response-on$/);
  await date(page, info, ['20', '10', '2025'], /\/review$/);
  await choose(page, info, 'Yes', /review-on$/);
  await date(page, info, ['25', '10', '2025'], /review-answered$/);
  await choose(page, info, 'Yes', /review-outcome-on$/);
  await date(page, info, ['20', '11', '2025'], /last-contact$/);
  await date(page, info, ['', '', ''], /documents$/);
  await tick(
    page,
    info,
    ['Your request for information', "The authority's reply", 'Your request for an internal review', 'The result of the internal review'],
    /check$/,
  );
  await confirm(page, info, 'late');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'You can still raise your concern, but you will need to tell us why you waited',
  );
  await expect(page.getByText('Your last contact with them about this was on 20 November 2025')).toBeVisible();
});

test('a subject access request not yet made gets the letter, the date and a reminder', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'An organisation has not given me a copy of my personal information', /organisation$/);
  await type(page, info, 'Acme Energy Ltd', /organisation-country$/);
  await choose(page, info, 'In the UK', /\/raised$/);
  await choose(page, info, 'No', /check$/);
  await confirm(page, info, 'not-yet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ask the organisation for your information first');
  // 2 March + 1 month = 2 April 2026; come back from 3 April.
  await expect(page.getByText('they must usually reply by 2 April 2026')).toBeVisible();
  await expect(page.getByText('you can come back to us from 3 April 2026')).toBeVisible();
  await expect(page.locator('.app-letter')).toContainText('To: Acme Energy Ltd');
  await expect(page.locator('.app-letter')).toContainText('Article 15 of the UK General Data Protection Regulation');

  const ics = await page.request.get('/concern/reminder.ics');
  expect(ics.headers()['content-type']).toContain('text/calendar');
  expect(await ics.text()).toContain('DTSTART;VALUE=DATE:20260403');
  const letter = await page.request.get('/concern/letter.txt');
  expect(letter.headers()['content-disposition']).toContain('subject-access-request.txt');
  expect(await letter.text()).toContain('Subject access request');

  await page.getByRole('link', { name: 'Open the letter to print it' }).click();
  await expect(page).toHaveURL(/\/concern\/letter$/);
  await settled(page, info);
  await expectAccessible(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subject access request');
});

test('an FOI refusal with no internal review gets the internal review letter', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'A request for environmental information', /organisation$/);
  // Listed in the organisation directory as a public authority: not asked (issue 18).
  await type(page, info, 'Environment Agency', /scottish-authority$/);
  await choose(page, info, 'No', /\/raised$/);
  await choose(page, info, 'Yes', /raised-on$/);
  await date(page, info, ['5', '1', '2026'], /responded$/);
  await choose(page, info, 'Yes', /response-on$/);
  await date(page, info, ['30', '1', '2026'], /\/review$/);
  await choose(page, info, 'No', /check$/);
  await confirm(page, info, 'not-yet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ask for an internal review first');
  await expect(page.locator('.app-letter')).toContainText('On 5 January 2026 I asked you for information. You replied on 30 January 2026.');
});

test('a silent call is signposted to Ofcom', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'Unwanted marketing calls, texts, emails or faxes', /channel$/);
  await choose(page, info, 'Silent or abandoned call (no one on the line)', /check$/);
  await confirm(page, info, 'not-for-us');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We cannot look into this');
  await expect(page.getByRole('heading', { name: 'Ofcom', exact: true })).toBeVisible();
});

test('a request to a body that is not a public authority is not for us', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'A freedom of information request to a public authority', /organisation$/);
  await type(page, info, 'Acme Energy Ltd', /public-authority$/);
  await choose(page, info, 'No', /check$/);
  await confirm(page, info, 'not-for-us');
  await expect(page.getByText('Freedom of information law only applies to public authorities')).toBeVisible();
});

test('a marketing text is reported with the nuisance tool, with 7726 advice', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'Unwanted marketing calls, texts, emails or faxes', /channel$/);
  await choose(page, info, 'Text message', /check$/);
  await confirm(page, info, 'report-instead');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report it with our nuisance calls and messages tool');
  await expect(page.getByText('Forward the text to 7726')).toBeVisible();
});

test('a bad date gets an error summary linked to the field, and the typed value is kept', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'A complaint about the service I received from the Information Commissioner\'s Office'.replace('A complaint about the service', 'The service'), /incident-on$/);
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('2');
  await page.getByLabel('Year').fill('2026');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/incident-on$/);
  await settled(page, info);
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error:/);
  await expectAccessible(page);
  const link = page.locator('.govuk-error-summary a');
  await expect(link).toHaveText('The date must be a real date, for example 27 3 2026');
  await expect(link).toHaveAttribute('href', '#incident-on-day');
  await expect(page.locator('#incident-on-error')).toContainText('The date must be a real date');
  await expect(page.getByLabel('Day')).toHaveValue('31');
  await date(page, info, ['10', '1', '2026'], /check$/);
  await confirm(page, info, 'ready');
});

test('changing an answer from the check page returns to it and changes the verdict', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'Unwanted marketing calls, texts, emails or faxes', /channel$/);
  await choose(page, info, 'Text message', /check$/);
  await page.getByRole('link', { name: 'Change How they contacted you' }).click();
  await expect(page).toHaveURL(/channel\?change=true$/);
  await settled(page, info);
  await expect(page.getByLabel('Text message')).toBeChecked();
  await choose(page, info, 'It was a scam, or tried to get my money or bank details', /check$/);
  await confirm(page, info, 'not-for-us');
  await expect(page.getByRole('heading', { name: 'Action Fraud' })).toBeVisible();
});

test('an unknown page says so with a 404', async ({ page }, info) => {
  const response = await page.goto('/concern/no-such-question');
  expect(response?.status()).toBe(404);
  await settled(page, info);
  await expectAccessible(page);
});

test('with JavaScript, a page of questions carries no code of its own: each answer is a page load, as without', async ({ page }, info) => {
  test.skip(info.project.name !== 'javascript', 'only meaningful with JavaScript');
  await start(page, info);
  await expect(page.locator('leptos-island')).toHaveCount(0);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await choose(page, info, 'Unwanted marketing calls, texts, emails or faxes', /channel$/);
  await expect(page.locator('leptos-island')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBeUndefined();
  await choose(page, info, 'Recorded or automated phone call', /advertised-number$/);
  await type(page, info, '0909 879 0000', /check$/);
  await confirm(page, info, 'not-for-us');
  await expect(page.getByRole('heading', { name: 'Ofcom (phone-paid services)' })).toBeVisible();
});

test('with JavaScript, a page without an island fetches no script and no wasm', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'only meaningful with JavaScript');
  const code: string[] = [];
  page.on('request', (request) => {
    if (/\.(wasm|js)$/.test(new URL(request.url()).pathname)) code.push(request.url());
  });
  for (const path of ['/', '/concern/about', '/report-nuisance', '/report-nuisance/channel', '/report-breach']) {
    await page.goto(path);
    await settled(page, info);
    await expect(page.locator('leptos-island')).toHaveCount(0);
  }
  expect(code).toEqual([]);
});

test('an EEA organisation not using the information in the UK is signposted to its own authority', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'How an organisation has used or looked after my personal information', /organisation$/);
  await type(page, info, 'Exemple SA', /organisation-country$/);
  await choose(page, info, 'In the European Economic Area (the EU, Iceland, Liechtenstein or Norway)', /eea-country$/);
  await expectAccessible(page);
  await page.getByLabel('Which country is Exemple SA based in?').selectOption('FR');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/processed-in-uk$/);
  await settled(page, info);
  await choose(page, info, 'No', /check$/);
  await expect(page.locator('.govuk-summary-list')).toContainText('France');
  await confirm(page, info, 'not-for-us');
  // France's own authority, from the directory's data, not a general list (issue 19, part 4).
  await expect(page.getByRole('heading', { name: /^Commission Nationale de l'Informatique et des Libertés – CNIL/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://www.cnil.fr/' })).toHaveAttribute('href', 'https://www.cnil.fr/');
  await expect(page.getByRole('link', { name: 'Make a complaint on their website' })).toHaveAttribute('href', 'https://www.cnil.fr/fr/plaintes');
  await expect(page.getByRole('link', { name: 'Where these contact details come from' })).toHaveAttribute('href', /datenanfragen\/data\/blob\/[0-9a-f]{40}\/supervisory-authorities\/frcnil\.json$/);
  await expect(page.getByText("The data protection authority of the organisation's country")).toHaveCount(0);
});

test('a request to a Scottish public authority goes to the Scottish Information Commissioner', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'A freedom of information request to a public authority', /organisation$/);
  // Listed in the organisation directory as a public authority: not asked (issue 18).
  await type(page, info, 'Glasgow City Council', /scottish-authority$/);
  await choose(page, info, 'Yes', /check$/);
  await confirm(page, info, 'not-for-us');
  await expect(page.getByRole('heading', { name: 'Scottish Information Commissioner' })).toBeVisible();
});

test('a credit file entry not yet disputed gets the letter to the credit reference agency', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'Something wrong on my credit file', /organisation$/);
  await type(page, info, 'Experian', /\/raised$/);
  await choose(page, info, 'No', /check$/);
  await confirm(page, info, 'not-yet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ask the credit reference agency to correct your file first');
  // 2 March 2026 + 28 days = 30 March; come back from 31 March.
  await expect(page.getByText('they have until 30 March 2026 to reply')).toBeVisible();
  await expect(page.locator('.app-letter')).toContainText('section 159 of the Consumer Credit Act 1974');
});

test('a whistle-blower need not raise it with the organisation first', async ({ page }, info) => {
  await start(page, info);
  await choose(page, info, 'How an organisation has used or looked after my personal information', /organisation$/);
  await type(page, info, 'Acme Energy Ltd', /organisation-country$/);
  await choose(page, info, 'In the UK', /\/raised$/);
  await choose(page, info, 'No', /exceptions$/);
  await choose(page, info, 'I work for the organisation and I am reporting it as a whistle-blower', /check$/);
  await confirm(page, info, 'ready');
  await expect(page.getByText('You do not need to raise this with them first.')).toBeVisible();
});
