import { expect, Page, test, TestInfo } from '@playwright/test';
import { choose, confirm, date, expectAccessible, failOnPageErrors, settled, start, type, waitForMail, write } from './helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, API_KEY, addStaff, signIn, signOut, who } from './staff-helpers';

// Issue 19: requests about the regulator itself go through the assistant: a complaint about our
// service (RCC, linked to the case it is about by its checked reference), a request for written
// advice (ENQ) and a request for information we hold (IRQ). Each is handed in on the web and by a
// helpline adviser for a caller, with and without JavaScript (the two projects), every page
// checked with axe; the confirmation and the acknowledgement email at the real SMTP sink carry the
// reference and the clock. The server's clock is fixed on Monday 2 March 2026: RCC acknowledged by
// 9 March and decided by 1 April; ENQ answered by 1 April; IRQ within 20 working days UK-wide,
// St Patrick's Day skipped: 31 March.

test.describe.configure({ timeout: 240_000 });

failOnPageErrors();

const REFERENCE = /^IC-\d{6}-[2-9A-Z]{4}$/;

const uniqueEmail = (info: TestInfo, what: string) =>
  `${what}.${info.project.name}.${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}@example.com`;

interface Request {
  option: string;
  /** Answers the questions before the verdict (after "what is it about"). */
  before: (page: Page, info: TestInfo) => Promise<void>;
  verdictTitle: string;
  /** The first question after the verdict. */
  first: RegExp;
  /** Answers the questions after the verdict, up to the name. */
  after: (page: Page, info: TestInfo) => Promise<void>;
  panel: string;
  next: string;
  mail: string;
}

const serviceComplaint = (original: string): Request => ({
  option: "The service I received from the Information Commissioner's Office",
  before: async (page, info) => {
    await date(page, info, ['10', '2', '2026'], /check$/);
  },
  verdictTitle: 'You can complain to us about our service',
  first: /\/concern\/original-reference$/,
  after: async (page, info) => {
    await type(page, info, original, /summary$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What went wrong?');
    await write(page, info, 'My case was closed without anyone reading my evidence.', /what-you-want$/);
    await write(page, info, 'Look at my case again.', /your-name$/);
  },
  panel: 'Complaint sent',
  next: 'We will acknowledge your complaint by 9 March 2026. A manager will look at it and send you our decision by 1 April 2026.',
  mail: 'Someone from our service complaints team will write to you by 9 March 2026 and send you our decision by 1 April 2026.',
});

const writtenAdvice: Request = {
  option: "I would like written advice from the Information Commissioner's Office",
  before: async (page, info) => {
    await choose(page, info, 'An organisation I work for or represent', /check$/);
  },
  verdictTitle: 'You can ask us for written advice',
  first: /\/concern\/summary$/,
  after: async (page, info) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What would you like advice about?');
    await write(page, info, "May our club share members' phone numbers with the coach?", /your-name$/);
  },
  panel: 'Request for advice sent',
  next: 'We will send you our written advice by 1 April 2026.',
  mail: 'We will send you our advice by 1 April 2026.',
};

const ourInformation: Request = {
  option: "I want information the Information Commissioner's Office holds, including my own personal information",
  before: async (page, info) => {
    await choose(page, info, 'The personal information we hold about me (a subject access request)', /check$/);
  },
  verdictTitle: 'You can ask us for information we hold',
  first: /\/concern\/summary$/,
  after: async (page, info) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What information do you want?');
    await write(page, info, 'Everything you hold about me since 2024.', /your-name$/);
  },
  panel: 'Request for information sent',
  next: 'We will answer your request by 31 March 2026.',
  mail: 'We will answer your request by 31 March 2026.',
};

/** From the first question to the confirmation; returns the reference, checked in the email. */
async function handIn(page: Page, info: TestInfo, request: Request): Promise<string> {
  await choose(page, info, request.option, /\/concern\/(incident-on|advice-for|information-kind)$/);
  await request.before(page, info);
  await confirm(page, info, 'ready');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(request.verdictTitle);
  await expect(page.getByTestId('request-clock')).toBeVisible();
  await page.getByRole('button', { name: 'Continue to send your concern' }).click();
  await expect(page).toHaveURL(request.first);
  await settled(page, info);
  await request.after(page, info);
  const email = uniqueEmail(info, 'requests');
  await type(page, info, 'Sam Example', /\/email$/);
  await type(page, info, email, /\/phone$/);
  await type(page, info, '', /\/address$/);
  await write(page, info, '', /contact-by$/);
  await choose(page, info, 'Email', /adjustments$/);
  await write(page, info, '', /reply-in-welsh$/);
  await choose(page, info, 'No', /\/submit$/);
  await expectAccessible(page);
  // No organisation, no harm: the data protection questions are never asked.
  await expect(page.locator('a[href*="/concern/organisation-match"]')).toHaveCount(0);
  await expect(page.locator('a[href*="/concern/harm"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await expect(page).toHaveURL(/\/concern\/confirmation$/);
  await settled(page, info);
  await expect(page.locator('.govuk-panel')).toContainText(request.panel);
  await expectAccessible(page);
  const reference = ((await page.getByTestId('reference').textContent()) ?? '').trim();
  expect(reference).toMatch(REFERENCE);
  await expect(page.getByTestId('request-clock')).toHaveText(request.next);
  const mail = await waitForMail(`[Ref. ${reference}]`);
  expect(mail.to).toContain(email);
  expect(mail.body).toContain(`Your reference number is ${reference}.`);
  expect(mail.body.replace(/\s+/g, ' ')).toContain(request.mail);
  return reference;
}

/** A case to complain about, handed in through the partner API. */
async function earlierCase(page: Page): Promise<string> {
  const response = await page.request.post('/api/v1/cases', {
    headers: { authorization: `Bearer ${API_KEY}`, 'idempotency-key': `e2e-rcc-${Date.now()}-${Math.random()}` },
    data: {
      route: 'data_protection', today: '2026-03-02', subject_access: true, raised_on: '2026-01-20',
      organisation: { name: 'Example Telecoms Ltd', sector: 'telecoms' },
      customer: { name: 'Sam Example', email: 'sam@example.org' },
      summary: 'I asked for my records in January and have heard nothing.',
      harm: 'I cannot check what they hold about me.',
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).reference;
}

test('a complaint about our service is linked to its case by a checked reference and signposts the Ombudsman', async ({ page }, info) => {
  const original = await earlierCase(page);
  const request = serviceComplaint(original.toLowerCase());
  await start(page, info);
  await choose(page, info, "The service I received from the Information Commissioner's Office", /incident-on$/);
  await request.before(page, info);
  await confirm(page, info, 'ready');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(request.verdictTitle);
  await expect(page.getByTestId('request-clock')).toContainText('within 5 working days');
  await expect(page.getByText(/First-tier Tribunal/)).toBeVisible();
  await page.getByRole('button', { name: 'Continue to send your concern' }).click();
  await expect(page).toHaveURL(/\/concern\/original-reference$/);
  await settled(page, info);
  // One character mistyped: the check character catches it, next to the field.
  const chars = original.split('');
  chars[4] = chars[4] === '9' ? '8' : '9';
  await page.locator('input[name="value"]').fill(chars.join(''));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/original-reference$/);
  await settled(page, info);
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  const link = page.locator('.govuk-error-summary a');
  await expect(link).toContainText('does not check out');
  await expect(link).toHaveAttribute('href', '#original-reference');
  await expect(page.locator('#original-reference-error')).toContainText('does not check out');
  await expectAccessible(page);
  await request.after(page, info);
  const email = uniqueEmail(info, 'rcc');
  await type(page, info, 'Sam Example', /\/email$/);
  await type(page, info, email, /\/phone$/);
  await type(page, info, '', /\/address$/);
  await write(page, info, '', /contact-by$/);
  await choose(page, info, 'Email', /adjustments$/);
  await write(page, info, '', /reply-in-welsh$/);
  await choose(page, info, 'No', /\/submit$/);
  await expect(page.getByText(original, { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await expect(page).toHaveURL(/\/concern\/confirmation$/);
  await settled(page, info);
  await expect(page.locator('.govuk-panel')).toContainText(request.panel);
  await expect(page.getByTestId('phso')).toContainText('Parliamentary and Health Service Ombudsman');
  await expect(page.getByTestId('tribunal')).toContainText('First-tier Tribunal');
  await expectAccessible(page);
  const reference = ((await page.getByTestId('reference').textContent()) ?? '').trim();
  const mail = await waitForMail(`[Ref. ${reference}]`);
  expect(mail.body.replace(/\s+/g, ' ')).toContain(request.mail);
  expect(mail.body).toContain('Parliamentary and Health Service Ombudsman');
});

test.describe('on the web', () => {
  for (const [name, request] of [
    ['a service complaint with no earlier case', serviceComplaint('')],
    ['a request for written advice', writtenAdvice],
    ['a request for information we hold', ourInformation],
  ] as const) {
    test(`${name} is handed in and acknowledged with its reference and clock`, async ({ page }, info) => {
      await start(page, info);
      await handIn(page, info, request);
    });
  }
});

test('a helpline adviser hands in a service complaint, advice and an information request for callers', async ({ page }, info) => {
  const adviser = who(info, 'adviser');
  const password = 'helpline password 1';
  await signIn(page, info, ADMIN_EMAIL, ADMIN_PASSWORD, '/staff/users/new');
  await addStaff(page, info, { name: `Rq Helpline ${info.project.name}`, email: adviser, roles: ['Helpline'], password });
  await signOut(page, info);
  await signIn(page, info, adviser, password, '/staff/helpline/assist');
  for (const request of [serviceComplaint(''), writtenAdvice, ourInformation]) {
    await page.goto('/staff/helpline/assist');
    await settled(page, info);
    await expectAccessible(page);
    await page.getByLabel(/^The caller agrees/).check();
    await page.getByRole('button', { name: 'Start the form for the caller' }).click();
    await expect(page).toHaveURL(/\/concern\/about$/);
    await settled(page, info);
    await handIn(page, info, request);
  }
});
