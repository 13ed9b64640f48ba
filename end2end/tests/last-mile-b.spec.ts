import { APIRequestContext, expect, Page, test, TestInfo } from '@playwright/test';
import * as fs from 'node:fs';
import { expectAccessible, failOnPageErrors, settled, waitForMail } from './helpers';
import { answerIncident, arrive, press } from './nuisance-helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './staff-helpers';

// Issue 18, part B — the public's last mile, with and without JavaScript (the config's two
// projects), axe-core (WCAG 2.2 AA with the target-size rule) on every page:
// - the concern's confirmation and the breach report's sent page carry a copy of what was sent,
//   a print view (a plain link), and a PDF download only this browser's cookie opens;
// - the breach copy writes dates as the pages do and invents no time; the time boxes stay on one
//   line at 390 px;
// - the nuisance tool writes numbers with spaces, says "twice", gives a reference with a check
//   character staff can look up, gives automated calls the consent advice (not the TPS), asks
//   before remembering details (and forgets them), and its Remove / Add another controls are
//   24 px targets.
// The server's clock is fixed on Monday 2 March 2026.
test.describe.configure({ timeout: 240_000 });

failOnPageErrors();

const REFERENCE = /^IC-\d{6}-[2-9A-Z]{4}$/;
const NUISANCE_REFERENCE = /^NR-\d{6,}-[2-9ACEFHJKMNPRTWXY]$/;

const unique = (info: TestInfo, who: string) => `${who}.${info.project.name}.${Date.now().toString(36)}@example.org`;

/** A post from the page's own cookies, as its forms send it; returns where the portal sends it next. */
async function postForm(page: Page, path: string, form: Record<string, string>): Promise<string> {
  const response = await page.request.post(path, {
    headers: { Origin: new URL(page.url()).origin },
    form,
    maxRedirects: 0,
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(400);
  return response.headers()['location'] ?? '';
}

/** The PDF behind the download link: a real download, `%PDF`, and the words in its metadata. */
async function downloadPdf(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('copy-pdf').click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
  return bytes;
}

/** Another browser, without this one's cookie, gets nobody's PDF from the same address. */
async function strangerGetsNoPdf(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers()['content-type'] ?? '').not.toContain('application/pdf');
}

/** The copy's section on a confirmation page, its links, and a print view that shows it alone. */
async function checkCopy(page: Page, info: TestInfo, reference: string, answers: string[], printPath: RegExp, title: string) {
  const copy = page.getByTestId('sent-copy');
  await expect(page.getByRole('heading', { level: 2, name: 'Your answers as sent' })).toBeVisible();
  await expect(copy.getByTestId('copy-reference')).toHaveText(reference);
  for (const answer of answers) await expect(copy).toContainText(answer);
  await expect(page.getByTestId('copy-print')).toHaveText('Print your answers');
  await expect(page.getByTestId('copy-pdf')).toHaveText('Download your answers (PDF)');
  await expect(page.getByTestId('copy-start')).toHaveText('Go back to the start of the service');
  const pdf = await downloadPdf(page);
  // The reference is in the PDF's metadata as text (the page text is in an embedded font).
  expect(pdf.toString('latin1')).toContain(reference);
  const back = page.url();
  await page.getByTestId('copy-print').click();
  await expect(page).toHaveURL(printPath);
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  for (const answer of answers) await expect(page.getByTestId('sent-copy')).toContainText(answer);
  await expectAccessible(page);
  // Printed, only the copy shows: the links are hidden by the print styles.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('copy-back')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('copy-back').click();
  await expect(page).toHaveURL(back);
  await settled(page, info);
}

// The concern: the questions are answered by posts from this browser (as its forms send them),
// then the confirmation is seen in the browser.

/** Answers a question the journey asks that this test does not know (a new question): its first
 * option, or a sentence. */
async function answerUnknown(page: Page, step: string): Promise<string> {
  const html = await (await page.request.get(`/concern/${step}`)).text();
  const radio = /<input[^>]*type="radio"[^>]*value="([^"]+)"/.exec(html);
  return postForm(page, '/api/concern/answer', radio ? { step, value: radio[1] } : { step, value: 'I would like an apology.' });
}

async function handInConcern(page: Page, email: string): Promise<void> {
  await page.goto('/concern/about');
  const answers: Record<string, string>[] = [
    { step: 'about', value: 'subject_access' },
    { step: 'organisation', value: 'Leeds City Council' },
    { step: 'organisation-country', value: 'uk' },
    { step: 'raised', value: 'yes' },
    { step: 'raised-on', day: '5', month: '1', year: '2026' },
    { step: 'responded', value: 'no' },
    { step: 'last-contact', day: '', month: '', year: '' },
    { step: 'documents', 'values[0]': 'subject_access_request' },
  ];
  for (const form of answers) await postForm(page, '/api/concern/answer', form);
  expect(await postForm(page, '/api/concern/confirm', {})).toMatch(/\/concern\/result\/ready$/);
  for (const form of [
    { step: 'acting-for', value: 'myself' },
    { step: 'organisation-match', value: 'la:LDS' },
    { step: 'summary', value: 'I asked for my records. No reply.' },
  ]) {
    await postForm(page, '/api/concern/answer', form);
  }
  await postForm(page, '/api/concern/add-event', { day: '5', month: '1', year: '2026', what: 'I asked for my records.' });
  await postForm(page, '/api/concern/finish', { step: 'timeline' });
  await postForm(page, '/api/concern/answer', { step: 'harm', value: 'Worry' });
  await postForm(page, '/api/concern/answer', { step: 'what-you-want', value: 'A copy of my records' });
  const upload = await page.request.post('/api/concern/evidence', {
    headers: { Origin: new URL(page.url()).origin },
    multipart: {
      kind: 'subject_access_request',
      file: { name: 'my request.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') },
    },
    maxRedirects: 0,
  });
  expect(upload.status()).toBeLessThan(400);
  await postForm(page, '/api/concern/finish', { step: 'evidence' });
  for (const form of [
    { step: 'your-name', value: 'Alex Example' },
    { step: 'email', value: email },
    { step: 'phone', value: '' },
    { step: 'address', value: '' },
    { step: 'contact-by', value: 'email' },
    { step: 'adjustments', value: '' },
    { step: 'reply-in-welsh', value: 'no' },
  ]) {
    await postForm(page, '/api/concern/answer', form);
  }
  // Any question added to the journey since this test was written, then send.
  for (let guard = 0; guard < 10; guard += 1) {
    const next = await postForm(page, '/api/concern/submit', {});
    if (/\/concern\/confirmation$/.test(next)) return;
    const step = /\/concern\/([a-z-]+)/.exec(next)?.[1];
    expect(step, `the submit went to ${next}`).toBeTruthy();
    if (step === 'harm' || step === 'late-reason' || step === 'summary') {
      await postForm(page, '/api/concern/answer', { step, value: 'It worried me.' });
    } else {
      await answerUnknown(page, step ?? '');
    }
  }
  throw new Error('the concern could not be sent');
}

test('a concern handed in comes with a copy to read, print and download, and the email carries it', async ({ page, playwright }, info) => {
  const email = unique(info, 'copy');
  await handInConcern(page, email);
  await page.goto('/concern/confirmation');
  await settled(page, info);
  await expect(page.locator('.govuk-panel')).toContainText('Concern sent');
  const reference = ((await page.getByTestId('reference').textContent()) ?? '').trim();
  expect(reference).toMatch(REFERENCE);
  await expectAccessible(page);
  await checkCopy(page, info, reference, ['Leeds City Council', 'I asked for my records.', 'Alex Example', email], /\/concern\/confirmation\/print$/, 'Your concern as sent');
  // "Start again" is no longer the only way on.
  await expect(page.getByRole('button', { name: 'Start again' })).toBeVisible();
  await page.getByTestId('copy-start').click();
  await expect(page).toHaveURL(/\/$/);

  const stranger = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  await strangerGetsNoPdf(stranger, '/concern/confirmation/copy.pdf');
  await stranger.dispose();

  const mail = await waitForMail(`[Ref. ${reference}] We have received your concern`);
  expect(mail.body).toContain('This is a copy of what you sent us.');
  expect(mail.body).toContain('Leeds City Council');
  expect(mail.body).toContain('I asked for my records.');
});

// The breach report.

const BREACH_PARTS: [string, Record<string, string | string[]>][] = [
  ['organisation', { name: 'Northshire Primary School', registration_number: 'za123456', sector: 'education', size: 'medium' }],
  ['contact', { role: 'dpo', name: 'Dana Protector', email: '', phone: '01632 960 001' }],
  ['what-happened', { description: 'A spreadsheet of health needs was emailed to the wrong parent.', cyber_incident: 'no', how_discovered: 'The parent told us.' }],
  ['data', { categories: ['health', 'basic_identifiers'] }],
  ['scale', { records: '240', people: '240', groups: 'children' }],
  ['consequences', { description: 'Distress to families.', likelihood: 'likely' }],
  ['containment', { contained: 'yes', actions: 'The parent deleted the email and confirmed it.' }],
  ['telling', { people_told: 'yes', people_told_details: 'Letters to every family.' }],
];

async function postPart(page: Page, part: string, fields: Record<string, string | string[]>) {
  const params = new URLSearchParams({ part });
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  }
  const response = await page.request.post('/report-breach/api/part', {
    headers: { Origin: new URL(page.url()).origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    data: params.toString(),
    maxRedirects: 0,
  });
  expect(response.headers()['location'], part).toMatch(/\/report-breach\/report$/);
}

test('a breach report sent can be printed and downloaded, its dates are as given, and the time fits at 390 px', async ({ page, playwright }, info) => {
  const email = unique(info, 'dpo');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/report-breach/assess?personal_data=yes&security_breach=yes&asked=risk&value=likely');
  await settled(page, info);
  await page.getByRole('button', { name: 'Start your report' }).click();
  await expect(page).toHaveURL(/\/report-breach\/report$/);
  await settled(page, info);

  // The timing part in the browser, at 390 px: the hour and minute boxes share a line.
  await page.getByRole('link', { name: 'When it happened and when you found out', exact: true }).click();
  await settled(page, info);
  const occurred = page.getByRole('group', { name: 'When did the breach happen?' });
  const aware = page.getByRole('group', { name: 'When did you become aware of the breach?' });
  const hour = await aware.getByLabel('Hour').boundingBox();
  const minute = await aware.getByLabel('Minute').boundingBox();
  const day = await aware.getByLabel('Day').boundingBox();
  expect(hour && minute && day).toBeTruthy();
  expect(Math.abs((minute?.y ?? 0) - (hour?.y ?? 1))).toBeLessThan(2);
  expect(Math.abs((minute?.y ?? 0) - (day?.y ?? 1))).toBeLessThan(2);
  await expectAccessible(page);
  // When it happened: a date only (no time given).
  await occurred.getByLabel('Day').fill('28');
  await occurred.getByLabel('Month').fill('2');
  await occurred.getByLabel('Year').fill('2026');
  await aware.getByLabel('Day').fill('1');
  await aware.getByLabel('Month').fill('3');
  await aware.getByLabel('Year').fill('2026');
  await aware.getByLabel('Hour').fill('9');
  await aware.getByLabel('Minute').fill('30');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page).toHaveURL(/\/report-breach\/report$/);
  await settled(page, info);
  await page.setViewportSize({ width: 1280, height: 900 });

  for (const [part, fields] of BREACH_PARTS) {
    await postPart(page, part, part === 'contact' ? { ...fields, email } : fields);
  }
  await page.goto('/report-breach/report/check');
  await settled(page, info);
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await expect(page).toHaveURL(/\/report-breach\/report\/sent$/);
  await settled(page, info);
  const reference = ((await page.getByTestId('reference').textContent()) ?? '').trim();
  expect(reference).toMatch(REFERENCE);
  await expectAccessible(page);
  const copy = page.getByTestId('sent-copy');
  await expect(copy).toContainText('28 February 2026');
  await expect(copy).toContainText('9:30am on 1 March 2026');
  await expect(copy).not.toContainText('00:00');
  await expect(copy).not.toContainText('28/02/2026');
  await checkCopy(page, info, reference, ['Northshire Primary School', 'Dana Protector', 'Letters to every family.'], /\/report-breach\/report\/sent\/print$/, 'Your personal data breach report as sent');
  await expect(page.getByTestId('copy-start')).toHaveAttribute('href', '/report-breach');

  const stranger = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  await strangerGetsNoPdf(stranger, '/report-breach/report/sent/copy.pdf');
  await stranger.dispose();

  const mail = await waitForMail(`[Ref. ${reference}] Your personal data breach report`);
  expect(mail.body).toContain('28 February 2026');
  expect(mail.body).toContain('9:30am on 1 March 2026');
  expect(mail.body).not.toContain('00:00');
  expect(mail.body).not.toMatch(/\d\d\/\d\d\/2026/);
});

// The nuisance tool.

/** One text message or automated call from the channel page to "Check this call or message". */
async function reportOne(page: Page, info: TestInfo, channel: 'text' | 'automated_call', sender: string) {
  await page.goto('/report-nuisance/channel');
  await arrive(page, info, 'channel');
  await answerIncident(page, info, {
    channel,
    sender,
    messageText: 'Your parcel is waiting, reply YES',
    advertisedNumber: '',
    company: 'Parcel Co',
    scam: 'No',
    preferenceService: 'Yes',
  });
}

/** From "Check this call or message" to the check page, with details and the remember choice. */
async function toCheck(page: Page, info: TestInfo, details: { name: string; remember: boolean } | null) {
  await press(page, 'Save and continue');
  await arrive(page, info, 'another');
  await page.getByLabel('No', { exact: true }).check();
  await press(page);
  await arrive(page, info, 'your-details');
  if (details) {
    await page.getByLabel('Full name (optional)').fill(details.name);
    await page.getByLabel('Email address (optional)').fill('sam@example.org');
    if (details.remember) await page.getByLabel('Remember my details on this device for my next report').check();
  }
  await press(page);
  await arrive(page, info, 'check');
}

async function send(page: Page, info: TestInfo): Promise<string> {
  await press(page, 'Send report');
  await expect(page).toHaveURL(/\/report-nuisance\/confirmation(\?.*)?$/);
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report sent');
  await expectAccessible(page);
  return (await page.locator('main').textContent()) ?? '';
}

test('a nuisance report has a quotable reference staff can find, spaced numbers and "twice"', async ({ page, browser }, info) => {
  // A number no other run reports: 0161 496 0xxx is Ofcom's drama range for Manchester.
  const last = String(Date.now() % 1000).padStart(3, '0');
  const typed = `01614960${last}`;
  const written = `0161 496 0${last}`;
  await reportOne(page, info, 'text', typed);
  await toCheck(page, info, null);
  // Remove and Add another are 24 px targets (axe's target-size rule ran on this page above).
  for (const control of [page.getByRole('button', { name: /^Remove/ }), page.getByRole('link', { name: 'Add another call or message' })]) {
    const box = await control.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(24);
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(24);
  }
  const first = await send(page, info);
  expect(first).toContain(`${written}: This number has been reported once`);
  expect(first).not.toContain(typed);
  const reference = ((await page.getByTestId('report-number').textContent()) ?? '').trim();
  expect(reference).toMatch(NUISANCE_REFERENCE);

  await reportOne(page, info, 'text', written);
  await toCheck(page, info, null);
  const second = await send(page, info);
  expect(second).toContain(`${written}: This number has been reported twice in the last 30 days`);
  expect(second).not.toContain('2 times');

  // Staff find the report by the reference as the person reads it out (lower case, spaces).
  const staff = await browser.newContext({ javaScriptEnabled: info.project.name === 'javascript' });
  const desk = await staff.newPage();
  await desk.goto('/staff/nuisance');
  await desk.getByLabel('Email address').fill(ADMIN_EMAIL);
  await desk.getByLabel('Password').fill(ADMIN_PASSWORD);
  await desk.getByRole('button', { name: 'Sign in' }).click();
  await expect(desk).toHaveURL(/\/staff\/nuisance/);
  await settled(desk, info);
  await desk.getByRole('link', { name: 'Find a report by its reference' }).click();
  await expect(desk).toHaveURL(/\/staff\/nuisance\/report$/);
  await settled(desk, info);
  await expectAccessible(desk);
  await desk.getByLabel('Find a report by its reference').fill(reference.toLowerCase().replace(/-/g, ' '));
  await desk.getByRole('button', { name: 'Find report' }).click();
  await expect(desk).toHaveURL(/\/staff\/nuisance\/report\?reference=/);
  await settled(desk, info);
  await expect(desk.getByTestId('report-title')).toHaveText(`Report ${reference}`);
  await expect(desk.getByTestId('report-incidents')).toContainText('Your parcel is waiting');
  await expectAccessible(desk);
  await staff.close();
});

test('an automated call gets the consent advice, not the Telephone Preference Service', async ({ page }, info) => {
  await reportOne(page, info, 'automated_call', '0800 298 6030');
  await toCheck(page, info, null);
  const confirmation = await send(page, info);
  expect(confirmation).toContain('Companies must not make recorded marketing calls to you unless you have specifically agreed');
  expect(confirmation).not.toContain('must not make live sales calls');
  expect(confirmation).not.toContain('Register your number with the Telephone Preference Service');
});

test('details are remembered on this device only when asked, and can be forgotten', async ({ page }, info) => {
  await reportOne(page, info, 'text', 'PARCELS');
  await toCheck(page, info, { name: 'Sam Smith', remember: false });
  await send(page, info);
  await expect(page.getByTestId('details-remembered')).toHaveCount(0);
  // Not asked to remember: the next report starts with no details.
  await reportOne(page, info, 'text', 'PARCELS');
  await press(page, 'Save and continue');
  await arrive(page, info, 'another');
  await page.getByLabel('No', { exact: true }).check();
  await press(page);
  await arrive(page, info, 'your-details');
  await expect(page.getByLabel('Full name (optional)')).toHaveValue('');
  // Asked this time: remembered for the next report, with a way to forget.
  await page.getByLabel('Full name (optional)').fill('Sam Smith');
  await page.getByLabel('Remember my details on this device for my next report').check();
  await press(page);
  await arrive(page, info, 'check');
  await send(page, info);
  await expect(page.getByTestId('details-remembered')).toBeVisible();
  await reportOne(page, info, 'text', 'PARCELS');
  await press(page, 'Save and continue');
  await arrive(page, info, 'another');
  await page.getByLabel('No', { exact: true }).check();
  await press(page);
  await arrive(page, info, 'your-details');
  await expect(page.getByLabel('Full name (optional)')).toHaveValue('Sam Smith');
  await page.getByTestId('forget-details').click();
  await arrive(page, info, 'your-details');
  await expect(page.getByLabel('Full name (optional)')).toHaveValue('');
  await expect(page.getByLabel('Remember my details on this device for my next report')).not.toBeChecked();
});
