import { expect, Page, test, TestInfo } from '@playwright/test';
import * as fs from 'node:fs';
import {
  addEvent,
  choose,
  confirm,
  date,
  expectAccessible,
  failOnPageErrors,
  fixture,
  jsEnabled,
  mails,
  select,
  settled,
  start,
  tick,
  type,
  waitForMail,
  write,
} from './helpers';
import { welshOf, wordsFor } from './i18n';
import { ADMIN_EMAIL, ADMIN_PASSWORD, addStaff, signIn, signOut } from './staff-helpers';

// Handing a concern in after a ready or late verdict, with real uploads (end2end/fixtures), to the
// reference on the confirmation page and the acknowledgement email at a real SMTP server.
// The server's clock is fixed on Monday 2 March 2026.
//
// .ci/test starts the SMTP server (aiosmtpd, storing into a Maildir) and the portal with
// PORTAL_SMTP_URL, and tells these tests where the Maildir is with PORTAL_E2E_MAILDIR. By hand:
//   python3 -m aiosmtpd -n -l 127.0.0.1:2525 -c aiosmtpd.handlers.Mailbox /tmp/maildir &
//   PORTAL_DEVELOPMENT=true PORTAL_FIXED_TODAY=2026-03-02 PORTAL_SMTP_URL=smtp://127.0.0.1:2525 … target/release/server &
//   cd end2end && PORTAL_E2E_MAILDIR=/tmp/maildir npx playwright test tests/submission.spec.ts

// Each journey visits some 30 pages, each audited with axe (without JavaScript through a copy of
// the page in a second browser context), and waits for an email: give them room.
test.describe.configure({ timeout: 180_000 });

// With JavaScript, nothing goes wrong in the page on the way (a panic in the wasm shows here,
// though the page may still move on).
failOnPageErrors();

const REFERENCE = /^IC-\d{6}-[2-9A-Z]{4}$/;
const subjectFor = (reference: string) => `[Ref. ${reference}] We have received your concern`;

/** An email address no other test (or project, or run) uses. */
const uniqueEmail = (info: TestInfo, who: string) =>
  `${who}.${info.project.name}.${Date.now().toString(36)}@example.com`;

async function next(page: Page, info: TestInfo, expected: RegExp) {
  const words = await wordsFor(page);
  await page.getByRole('button', { name: words('Continue'), exact: true }).click();
  await expect(page).toHaveURL(expected);
  await settled(page, info);
}

/** Goes on from a ready or late verdict page to the first question of handing the concern in. */
async function continueToSend(page: Page, info: TestInfo) {
  const words = await wordsFor(page);
  await page.getByRole('button', { name: words('Continue to send your concern') }).click();
  await expect(page).toHaveURL(/\/concern\/acting-for$/);
  await settled(page, info);
  await expect(page.getByRole('link', { name: words('Back'), exact: true })).toHaveAttribute('href', /^\/concern\/result\/(ready|late)$/);
}

/** Checks an error page: the summary links to the field and the same message is next to it. */
async function expectError(page: Page, message: string, field: string) {
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error:/);
  const link = page.locator('.govuk-error-summary a').filter({ hasText: message });
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('href', `#${field}`);
  // The field (or its fieldset, for a date) is described by an error message saying the same.
  const target = page.locator(`#${field}`);
  await expect(target).toHaveCount(1);
  const describedBy =
    (await target.getAttribute('aria-describedby')) ??
    (await target.locator('xpath=ancestor::fieldset[1]').getAttribute('aria-describedby')) ??
    '';
  const errorId = describedBy.split(/\s+/).find((id) => id.endsWith('-error'));
  expect(errorId, `#${field} is described by its error message`).toBeTruthy();
  await expect(page.locator(`#${errorId}`)).toBeVisible();
  await expect(page.locator(`#${errorId}`)).toContainText(message);
  await expectAccessible(page);
}

// The assistant's answers that lead to each route's verdict.

async function dataProtectionReady(page: Page, info: TestInfo) {
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
}

async function subjectAccessReady(page: Page, info: TestInfo) {
  await start(page, info);
  await choose(page, info, 'An organisation has not given me a copy of my personal information', /organisation$/);
  await type(page, info, 'Acme Energy Ltd', /organisation-country$/);
  await choose(page, info, 'In the UK', /\/raised$/);
  await choose(page, info, 'Yes', /raised-on$/);
  // One month from 5 January: 5 February 2026, long past.
  await date(page, info, ['5', '1', '2026'], /responded$/);
  await choose(page, info, 'No', /last-contact$/);
  await date(page, info, ['', '', ''], /documents$/);
  await tick(page, info, ['Your request for a copy of your information'], /check$/);
  await confirm(page, info, 'ready');
}

async function cctvReady(page: Page, info: TestInfo) {
  await start(page, info);
  await choose(page, info, "A neighbour's or another household's CCTV or doorbell camera", /consent-named$/);
  await choose(page, info, 'Yes', /check$/);
  await confirm(page, info, 'ready');
}

async function creditFileReady(page: Page, info: TestInfo) {
  await start(page, info);
  await choose(page, info, 'Something wrong on my credit file', /organisation$/);
  await type(page, info, 'Experian', /\/raised$/);
  await choose(page, info, 'Yes', /raised-on$/);
  await date(page, info, ['5', '1', '2026'], /responded$/);
  await choose(page, info, 'Yes', /response-on$/);
  await date(page, info, ['20', '1', '2026'], /last-contact$/);
  await date(page, info, ['', '', ''], /documents$/);
  await tick(
    page,
    info,
    ['A copy of your credit file showing the entry', 'Your request to the credit reference agency', "The agency's reply"],
    /check$/,
  );
  await confirm(page, info, 'ready');
}

async function foiReady(page: Page, info: TestInfo) {
  await start(page, info);
  await choose(page, info, 'A freedom of information request to a public authority', /organisation$/);
  await type(page, info, 'LCC', /public-authority$/);
  await choose(page, info, 'Yes', /scottish-authority$/);
  await choose(page, info, 'No', /\/raised$/);
  await choose(page, info, 'Yes', /raised-on$/);
  // 20 working days from 5 January: early February 2026, long past.
  await date(page, info, ['5', '1', '2026'], /responded$/);
  await choose(page, info, 'No', /last-contact$/);
  await date(page, info, ['', '', ''], /documents$/);
  await tick(page, info, ['Your request for information'], /check$/);
  await confirm(page, info, 'ready');
}

async function eirReady(page: Page, info: TestInfo) {
  await start(page, info);
  await choose(page, info, 'A request for environmental information', /organisation$/);
  await type(page, info, 'Riverside Water Trust', /public-authority$/);
  await choose(page, info, 'Yes', /scottish-authority$/);
  await choose(page, info, 'No', /\/raised$/);
  await choose(page, info, 'Yes', /raised-on$/);
  await date(page, info, ['1', '12', '2025'], /responded$/);
  await choose(page, info, 'Yes', /response-on$/);
  await date(page, info, ['15', '12', '2025'], /\/review$/);
  await choose(page, info, 'Yes', /review-on$/);
  // The reconsideration asked for on 18 December 2025 is overdue.
  await date(page, info, ['18', '12', '2025'], /review-answered$/);
  await choose(page, info, 'No', /last-contact$/);
  await date(page, info, ['', '', ''], /documents$/);
  await tick(
    page,
    info,
    ['Your request for information', "The authority's reply", 'Your request for an internal review'],
    /check$/,
  );
  await confirm(page, info, 'ready');
}

async function foiLate(page: Page, info: TestInfo) {
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
}

// Handing the concern in.

type Organisation =
  | { pick: RegExp; search?: string } // a match from the directory, after searching again
  | { none: string } // "None of these", then this kind of organisation
  | { operator: string }; // household CCTV: who operates the camera

interface Upload {
  kind: string;
  file: string;
}

/** FOI/EIR (issue 19 part 3): the request complained about, asked before what happened. */
interface InformationRequest {
  requested: string;
  /** What the authority did, when it replied. */
  action?: string;
  /** With a refusal: the exemptions or exceptions, and what was withheld. */
  refusal?: { grounds: string[]; withheld: string };
}

interface HandIn {
  actingFor?: { name: string; relationship: string };
  organisation: Organisation;
  /** FOI/EIR: the request; no harm question follows. */
  request?: InformationRequest;
  late?: boolean;
  uploads: Upload[];
  name: string;
  email: string;
  phone?: string;
  address?: string;
  contactBy: 'Email' | 'Phone' | 'Post';
  adjustments?: string;
  welsh: 'Yes' | 'No';
}

/** On "Who is this concern about?" through to the check page. */
async function answerHandIn(page: Page, info: TestInfo, hand: HandIn) {
  const words = await wordsFor(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words('Who is this concern about?'));
  const organisationStep = 'operator' in hand.organisation ? /\/concern\/organisation$/ : /organisation-match$/;
  if (hand.actingFor) {
    await choose(page, info, 'Someone else – I am acting for them', /their-name$/);
    await type(page, info, hand.actingFor.name, /relationship$/);
    await choose(page, info, hand.actingFor.relationship, organisationStep);
  } else {
    await choose(page, info, 'Me', organisationStep);
  }
  await answerOrganisation(page, info, hand.organisation, hand.request ? /information-requested$/ : /summary$/);
  if (hand.request) await answerRequest(page, info, hand.request);
  await write(page, info, 'They sent my details to the wrong person and would not say how it happened.', /timeline$/);
  await addEvent(page, info, ['5', '1', '2026'], 'I wrote to them about it.');
  if (hand.request) {
    // Harm does not apply to an FOI or EIR complaint: not asked.
    await next(page, info, /what-you-want$/);
  } else {
    await next(page, info, /harm$/);
    await write(page, info, 'I was worried and spent hours on the phone.', /what-you-want$/);
  }
  await write(page, info, 'An apology, and to know it will not happen again.', hand.late ? /late-reason$/ : /evidence$/);
  if (hand.late) {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(words('Why did you not contact us sooner?'));
    await write(page, info, 'I was in hospital over the winter.', /evidence$/);
  }
  for (const upload of hand.uploads) await uploadFile(page, info, upload.kind, upload.file);
  await next(page, info, /your-name$/);
  await type(page, info, hand.name, /\/email$/);
  await type(page, info, hand.email, /\/phone$/);
  await type(page, info, hand.phone ?? '', /\/address$/);
  await write(page, info, hand.address ?? '', /contact-by$/);
  await choose(page, info, hand.contactBy, /adjustments$/);
  await write(page, info, hand.adjustments ?? '', /reply-in-welsh$/);
  await choose(page, info, hand.welsh, /\/submit$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words('Check your answers before sending your concern'));
  await expectAccessible(page);
}

/** The directory matches are searched for as the page loads (with JavaScript, in the browser): waits for them. */
async function organisationMatches(page: Page) {
  const words = await wordsFor(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words('Which organisation is your concern about?'));
  await expect(page.getByRole('radio', { name: words('None of these – use the name I gave') })).toBeVisible();
}

/** FOI/EIR: what was asked for, what the authority did, and for a refusal its grounds and what it withheld. */
async function answerRequest(page: Page, info: TestInfo, request: InformationRequest) {
  await write(page, info, request.requested, request.action ? /authority-action$/ : /summary$/);
  if (!request.action) return;
  await choose(page, info, request.action, request.refusal ? /exemptions$/ : /summary$/);
  if (!request.refusal) return;
  await tick(page, info, request.refusal.grounds, /withheld$/);
  await write(page, info, request.refusal.withheld, /summary$/);
}

async function answerOrganisation(page: Page, info: TestInfo, organisation: Organisation, after: RegExp = /summary$/) {
  if (!('operator' in organisation)) await organisationMatches(page);
  if ('operator' in organisation) {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who operates the camera?');
    await type(page, info, organisation.operator, after);
  } else if ('pick' in organisation) {
    await expectAccessible(page);
    if (organisation.search) {
      await page.getByLabel('Search again').fill(organisation.search);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(page).toHaveURL(/organisation-match\?q=/);
      await settled(page, info);
      await expect(page.locator('.govuk-hint').first()).toContainText(`We searched our list of organisations for ‘${organisation.search}’`);
      await expectAccessible(page);
    }
    await page.getByRole('radio', { name: organisation.pick }).first().check();
    await next(page, info, after);
  } else {
    await choose(page, info, 'None of these – use the name I gave', /sector$/);
    const words = await wordsFor(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(words('What kind of organisation is it?'));
    await select(page, info, organisation.none, after);
  }
}

/** On the evidence page: uploads one file as this kind of document and sees it listed. */
async function uploadFile(page: Page, info: TestInfo, kind: string, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await expectAccessible(page);
  const words = await wordsFor(page);
  await page.getByRole('radio', { name: words(kind), exact: true }).check();
  await page.getByLabel(words('Upload a file')).setInputFiles(typeof file === 'string' ? fixture(file) : file);
  await page.getByRole('button', { name: words('Upload file') }).click();
  await expect(page).toHaveURL(/\/concern\/evidence$/);
  await settled(page, info);
  if (typeof file === 'string') {
    const row = page.locator('.govuk-summary-list__row').filter({ has: page.getByText(words(kind), { exact: true }) });
    await expect(row).toContainText(file);
    const remove = (await page.locator('html').getAttribute('lang')) === 'cy' ? welshOf('q.evidence.remove', { name: file }) : `Remove ${file}`;
    await expect(page.getByRole('button', { name: remove })).toBeVisible();
  }
}

/** On the check page: sends the concern, reads the reference and waits for the email. */
async function send(page: Page, info: TestInfo, email: string, welsh = false): Promise<string> {
  const words = await wordsFor(page);
  await page.getByRole('button', { name: words('Accept and send') }).click();
  return confirmation(page, info, email, welsh);
}

/** A person who asked us to reply in Welsh is acknowledged in Welsh. */
const welshSubjectFor = (reference: string) => `[Ref. ${reference}] Rydym wedi cael eich pryder`;

async function confirmation(page: Page, info: TestInfo, email: string, welsh = false): Promise<string> {
  await expect(page).toHaveURL(/\/concern\/confirmation$/);
  await settled(page, info);
  const inWelsh = (await page.locator('html').getAttribute('lang')) === 'cy';
  const words = await wordsFor(page);
  await expect(page.locator('.govuk-panel')).toContainText(words('Concern sent'));
  await expectAccessible(page);
  const reference = ((await page.getByTestId('reference').textContent()) ?? '').trim();
  expect(reference).toMatch(REFERENCE);
  const sentTo = inWelsh ? welshOf('confirmation.email', { email }) : `We have sent a confirmation email to ${email}.`;
  await expect(page.getByText(sentTo)).toBeVisible();
  const subject = welsh ? welshSubjectFor(reference) : subjectFor(reference);
  const mail = await waitForMail(subject);
  expect(mail.subject).toBe(subject);
  expect(mail.to).toContain(email);
  expect(mail.body).toContain(welsh ? `Eich cyfeirnod yw ${reference}.` : `Your reference number is ${reference}.`);
  return reference;
}

const me = (info: TestInfo, who: string): Pick<HandIn, 'name' | 'email' | 'contactBy' | 'welsh'> => ({
  name: 'Sam Example',
  email: uniqueEmail(info, who),
  contactBy: 'Email',
  welsh: 'No',
});

test.describe('each route that can be handed in reaches a reference and an acknowledgement email', () => {
  test('data protection', async ({ page }, info) => {
    await dataProtectionReady(page, info);
    await continueToSend(page, info);
    const hand: HandIn = {
      ...me(info, 'dp'),
      organisation: { none: 'Other business, such as a shop' },
      uploads: [{ kind: 'Your complaint to the organisation', file: 'letter.pdf' }, { kind: 'Anything else that helps', file: 'notes.txt' }],
      phone: '07700 900 982',
      contactBy: 'Phone',
    };
    await answerHandIn(page, info, hand);
    const list = page.locator('.govuk-summary-list').last();
    await expect(list).toContainText('Sam Example');
    await expect(list).toContainText('07700 900 982');
    await expect(list).toContainText('Other business, such as a shop');
    await send(page, info, hand.email);
  });

  test('subject access', async ({ page }, info) => {
    await subjectAccessReady(page, info);
    await continueToSend(page, info);
    const hand: HandIn = {
      ...me(info, 'sar'),
      organisation: { none: 'Phone, mobile or broadband provider' },
      uploads: [{ kind: 'Your subject access request', file: 'request.eml' }],
      address: '1 High Street\nLeeds\nLS1 1AA',
      contactBy: 'Post',
      adjustments: 'Large print, please.',
      welsh: 'Yes',
    };
    await answerHandIn(page, info, hand);
    await send(page, info, hand.email, true);
  });

  test('household CCTV', async ({ page }, info) => {
    await cctvReady(page, info);
    await continueToSend(page, info);
    const hand: HandIn = {
      ...me(info, 'cctv'),
      organisation: { operator: 'The occupier of 3 Park Road' },
      uploads: [{ kind: 'Anything else that helps', file: 'photo.png' }],
    };
    await answerHandIn(page, info, hand);
    await expect(page.locator('main')).toContainText('The occupier of 3 Park Road');
    await send(page, info, hand.email);
  });

  test('credit file', async ({ page }, info) => {
    await creditFileReady(page, info);
    await continueToSend(page, info);
    const hand: HandIn = {
      ...me(info, 'credit'),
      organisation: { pick: /Experian/ },
      uploads: [
        { kind: 'The entry on your credit file', file: 'photo.png' },
        { kind: 'Your request to the credit reference agency', file: 'letter.pdf' },
        { kind: "The credit reference agency's reply", file: 'reply.docx' },
      ],
    };
    await answerHandIn(page, info, hand);
    await expect(page.locator('main')).toContainText('Experian');
    await send(page, info, hand.email);
  });

  test('freedom of information', async ({ page }, info) => {
    await foiReady(page, info);
    await continueToSend(page, info);
    const hand: HandIn = {
      ...me(info, 'foi'),
      organisation: { search: 'Leeds City Council', pick: /Leeds City Council/ },
      // No reply: not asked what the authority did.
      request: { requested: 'The minutes of the planning committee for March 2025.' },
      uploads: [{ kind: 'Your request for information', file: 'request.eml' }],
    };
    await answerHandIn(page, info, hand);
    await send(page, info, hand.email);
  });

  test('environmental information', async ({ page }, info) => {
    await eirReady(page, info);
    await continueToSend(page, info);
    const hand: HandIn = {
      ...me(info, 'eir'),
      organisation: { none: 'Environment, such as water or energy' },
      request: { requested: 'The water quality results for the river in 2025.', action: 'Said it does not hold the information' },
      uploads: [
        { kind: 'Your request for information', file: 'request.eml' },
        { kind: "The authority's reply", file: 'letter.pdf' },
        { kind: 'Your request for an internal review', file: 'notes.txt' },
      ],
    };
    await answerHandIn(page, info, hand);
    await send(page, info, hand.email);
  });
});

test('a late FOI complaint for someone else asks why they waited and for their consent', async ({ page }, info) => {
  await foiLate(page, info);
  await continueToSend(page, info);
  const hand: HandIn = {
    ...me(info, 'late'),
    actingFor: { name: 'Alex Example', relationship: 'Parent or guardian' },
    organisation: { pick: /Leeds City Council/ },
    request: {
      requested: 'The report on the school closures.',
      action: 'Refused to give some or all of the information, using exemptions or exceptions',
      refusal: { grounds: ['Section 40: personal information'], withheld: 'The names of the officers.' },
    },
    late: true,
    uploads: [
      { kind: 'Your request for information', file: 'request.eml' },
      { kind: "The authority's reply", file: 'letter.pdf' },
      { kind: 'Your request for an internal review', file: 'notes.txt' },
      { kind: 'The result of the internal review', file: 'reply.docx' },
      { kind: 'Consent or authority to act for them', file: 'photo.png' },
    ],
  };
  await answerHandIn(page, info, hand);
  const main = page.locator('main');
  await expect(main).toContainText('Alex Example');
  await expect(main).toContainText('Parent or guardian');
  await expect(main).toContainText('I was in hospital over the winter.');
  await send(page, info, hand.email);
});

test('bad answers on the way are explained next to the field and in the summary', async ({ page }, info) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await dataProtectionReady(page, info);
  await continueToSend(page, info);
  await choose(page, info, 'Me', /organisation-match$/);
  await answerOrganisation(page, info, { none: 'Other business, such as a shop' });

  // What happened: empty, then one character too long (kept as typed), then right.
  await expectAccessible(page);
  await next(page, info, /summary$/);
  await expectError(page, 'Enter what happened', 'summary');
  const tooLong = 'a'.repeat(2001);
  await page.locator('textarea[name="value"]').fill(tooLong);
  await next(page, info, /summary$/);
  await expectError(page, 'What happened must be 2,000 characters or fewer', 'summary');
  await expect(page.locator('textarea[name="value"]')).toHaveValue(tooLong);
  await write(page, info, 'They sent my details to the wrong person.', /timeline$/);

  // A date in the future is refused, and what was typed is kept.
  await expectAccessible(page);
  await page.getByLabel('Day').fill('3');
  await page.getByLabel('Month').fill('3');
  await page.getByLabel('Year').fill('2026');
  await page.getByLabel('What happened on that date').fill('They will reply.');
  await page.getByRole('button', { name: 'Add event' }).click();
  await expect(page).toHaveURL(/timeline$/);
  await settled(page, info);
  await expectError(page, 'The date must be today or in the past', 'event-on-day');
  await expect(page.getByLabel('Day')).toHaveValue('3');
  await expect(page.getByLabel('What happened on that date')).toHaveValue('They will reply.');
  await addEvent(page, info, ['2', '3', '2026'], 'They did not reply.');
  await next(page, info, /harm$/);
  await write(page, info, 'I was worried.', /what-you-want$/);
  await write(page, info, 'A copy of my records.', /evidence$/);

  // Evidence: nothing uploaded, then an executable called letter.pdf.
  await expectAccessible(page);
  await next(page, info, /evidence$/);
  await expectError(page, 'Upload a copy of your complaint to the organisation', 'file');
  const elf = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1'), Buffer.alloc(56)]);
  await uploadFile(page, info, 'Your complaint to the organisation', { name: 'letter.pdf', mimeType: 'application/pdf', buffer: elf });
  await expectError(
    page,
    'The selected file must be a PDF, image, Word, Excel, PowerPoint, OpenDocument, email or text file',
    'file',
  );
  await expect(page.getByRole('button', { name: 'Remove letter.pdf' })).toHaveCount(0);
  // A real PDF padded past the 10MB limit is refused; one of 6MB (a big scan) is taken.
  const pdf = fs.readFileSync(fixture('letter.pdf'));
  const padded = (bytes: number) => Buffer.concat([pdf, Buffer.alloc(bytes - pdf.length, '\n')]);
  await uploadFile(page, info, 'Your complaint to the organisation', {
    name: 'huge.pdf',
    mimeType: 'application/pdf',
    buffer: padded(10 * 1024 * 1024 + 1),
  });
  await expectError(page, 'The selected file must be smaller than 10MB', 'file');
  await uploadFile(page, info, 'Your complaint to the organisation', {
    name: 'scan.pdf',
    mimeType: 'application/pdf',
    buffer: padded(6 * 1024 * 1024),
  });
  await expect(page.getByRole('button', { name: 'Remove scan.pdf' })).toBeVisible();
  // A file name with markup is shown as text.
  const markupName = '<img src=x onerror=alert(3)>.txt';
  await uploadFile(page, info, 'Anything else that helps', {
    name: markupName,
    mimeType: 'text/plain',
    buffer: fs.readFileSync(fixture('notes.txt')),
  });
  await expect(page.locator('.app-file__name').filter({ hasText: markupName })).toHaveCount(1);
  await expect(page.locator('main img')).toHaveCount(0);
  await next(page, info, /your-name$/);

  // A name with markup is only text; a badly formed email address is refused.
  const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  await type(page, info, script, /\/email$/);
  await type(page, info, 'not-an-email', /\/email$/);
  await expectError(page, 'Enter an email address in the correct format, like name@example.com', 'email');
  await expect(page.locator('input[name="value"]')).toHaveValue('not-an-email');
  const email = uniqueEmail(info, 'bad');
  await type(page, info, email, /\/phone$/);
  await type(page, info, '', /\/address$/);
  await write(page, info, '', /contact-by$/);
  await choose(page, info, 'Email', /adjustments$/);
  await write(page, info, '', /reply-in-welsh$/);
  await choose(page, info, 'No', /\/submit$/);
  await expectAccessible(page);
  await expect(page.locator('.govuk-summary-list__value').filter({ hasText: script })).toHaveCount(1);
  expect(await page.locator('main script').count()).toBe(0);
  const reference = await send(page, info, email);
  const mail = await waitForMail(subjectFor(reference));
  expect(mail.to).toContain(email);
  expect(dialogs, 'no script ran from what was typed').toEqual([]);
});

/** Continues with what is on the page, and expects it to come back with this error. */
async function refused(page: Page, info: TestInfo, expected: RegExp, message: string, field: string) {
  await next(page, info, expected);
  await expectError(page, message, field);
}

test('every question after the verdict says what is missing, and the check page can change an answer', async ({ page }, info) => {
  await dataProtectionReady(page, info);
  await continueToSend(page, info);
  await expectAccessible(page);
  await refused(page, info, /acting-for$/, 'Select who this concern is about', 'acting-for');
  await page.getByLabel('Someone else – I am acting for them').check();
  await next(page, info, /their-name$/);
  await refused(page, info, /their-name$/, 'Enter the name of the person you are acting for', 'their-name');
  await type(page, info, 'Alex Example', /relationship$/);
  await refused(page, info, /relationship$/, 'Select how you are related to them', 'relationship');
  await choose(page, info, 'Relative or friend', /organisation-match$/);
  await organisationMatches(page);
  await expectAccessible(page);
  await refused(page, info, /organisation-match$/, 'Select the organisation, or ‘None of these’', 'organisation-match');
  await choose(page, info, 'None of these – use the name I gave', /sector$/);
  await refused(page, info, /sector$/, 'Select what kind of organisation it is', 'sector');
  await select(page, info, "I'm not sure", /summary$/);
  await write(page, info, 'They lost my file.', /timeline$/);
  await expectAccessible(page);
  await refused(page, info, /timeline$/, 'Add at least one event, with its date', 'event-on-day');
  await page.getByRole('button', { name: 'Add event' }).click();
  await expect(page).toHaveURL(/timeline$/);
  await settled(page, info);
  await expectError(page, 'Enter the date of the event', 'event-on-day');
  await page.getByLabel('Day').fill('1');
  await page.getByLabel('Month').fill('2');
  await page.getByLabel('Year').fill('2026');
  await page.getByRole('button', { name: 'Add event' }).click();
  await expect(page).toHaveURL(/timeline$/);
  await settled(page, info);
  await expectError(page, 'Enter what happened on that date', 'event-what');
  await addEvent(page, info, ['1', '2', '2026'], 'They lost it.');
  await addEvent(page, info, ['10', '1', '2026'], 'I asked for it.');
  // Listed in date order; one can be removed.
  await expect(page.locator('.govuk-summary-list__key')).toHaveText(['10 January 2026', '1 February 2026']);
  await page.getByRole('button', { name: 'Remove the event on 10 January 2026' }).click();
  await expect(page).toHaveURL(/timeline$/);
  await settled(page, info);
  await expect(page.locator('.govuk-summary-list__key')).toHaveText(['1 February 2026']);
  await expectAccessible(page);
  await next(page, info, /harm$/);
  await refused(page, info, /harm$/, 'Enter how this has affected you', 'harm');
  await write(page, info, 'I was upset.', /what-you-want$/);
  await write(page, info, 'An explanation.', /evidence$/);

  // Evidence: no file chosen; a picture called .pdf is kept as a picture; a file removed; consent missing.
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Upload file' }).click();
  await expect(page).toHaveURL(/\/concern\/evidence$/);
  await settled(page, info);
  await expectError(page, 'Select a file', 'file');
  const png = fs.readFileSync(fixture('photo.png'));
  await uploadFile(page, info, 'Anything else that helps', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: png });
  await expect(page.getByRole('button', { name: 'Remove scan.pdf.png' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove scan.pdf.png' }).click();
  await expect(page).toHaveURL(/\/concern\/evidence$/);
  await settled(page, info);
  await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await uploadFile(page, info, 'Your complaint to the organisation', 'letter.pdf');
  await refused(page, info, /evidence$/, 'Upload a copy of consent or authority to act for them', 'file');
  await uploadFile(page, info, 'Consent or authority to act for them', 'photo.png');
  await next(page, info, /your-name$/);

  await refused(page, info, /your-name$/, 'Enter your full name', 'your-name');
  await type(page, info, 'Sam Example', /\/email$/);
  await refused(page, info, /\/email$/, 'Enter your email address', 'email');
  const email = uniqueEmail(info, 'missing');
  await type(page, info, email, /\/phone$/);
  await type(page, info, 'call me', /\/phone$/);
  await expectError(page, 'Enter a phone number, like 01632 960 001 or 07700 900 982, or leave it blank', 'phone');
  await type(page, info, '', /\/address$/);
  await write(page, info, '', /contact-by$/);
  await refused(page, info, /contact-by$/, 'Select how you would like us to contact you', 'contact-by');
  await choose(page, info, 'Phone', /contact-by$/);
  await expectError(page, 'To be contacted by phone, go back and enter your phone number', 'contact-by');
  await choose(page, info, 'Post', /contact-by$/);
  await expectError(page, 'To be contacted by post, go back and enter your postal address', 'contact-by');
  await choose(page, info, 'Email', /adjustments$/);
  await page.locator('textarea[name="value"]').fill('b'.repeat(1001));
  await refused(page, info, /adjustments$/, 'The adjustments must be 1,000 characters or fewer', 'adjustments');
  await write(page, info, '', /reply-in-welsh$/);
  await refused(page, info, /reply-in-welsh$/, 'Select yes if you would like us to reply in Welsh', 'reply-in-welsh');
  await choose(page, info, 'No', /\/submit$/);

  // Change the phone number from the check page, and come straight back to it.
  await expectAccessible(page);
  await page.getByRole('link', { name: /Change Phone number/ }).click();
  await expect(page).toHaveURL(/\/concern\/phone\?change=true$/);
  await settled(page, info);
  await type(page, info, '01632 960 001', /\/submit$/);
  await expect(page.locator('main')).toContainText('01632 960 001');
  await expect(page.locator('main')).toContainText('Alex Example');
  await send(page, info, email);
});

/** Posts the check page's form again, as a browser would, with this page's cookie. */
async function postSubmit(page: Page) {
  const response = await page.request.post('/api/concern/submit', {
    headers: { Origin: new URL(page.url()).origin },
    form: {},
    maxRedirects: 0,
  });
  expect(response.status(), await response.text()).toBeLessThan(400);
  return response;
}

/** Only one acknowledgement went to this address: waits two more outbox rounds to be sure. */
async function expectOneMail(page: Page, email: string, reference: string) {
  await page.waitForTimeout(5_000);
  const sent = mails().filter((mail) => mail.to.includes(email));
  expect(sent.map((mail) => mail.subject)).toEqual([subjectFor(reference)]);
}

test('sending twice makes one case, and the confirmation keeps its reference', async ({ page }, info) => {
  await cctvReady(page, info);
  await continueToSend(page, info);
  const hand: HandIn = {
    ...me(info, 'twice'),
    organisation: { operator: 'The occupier of 5 Park Road' },
    uploads: [{ kind: 'Anything else that helps', file: 'photo.png' }],
  };
  await answerHandIn(page, info, hand);
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/concern/submit')) posts += 1;
  });
  // Two clicks in quick succession.
  await page.getByRole('button', { name: 'Accept and send' }).dblclick();
  const reference = await confirmation(page, info, hand.email);
  info.annotations.push({ type: 'posts', description: `the double click posted the form ${posts} time(s)` });

  // The same form posted again later, with the same cookie, is the same case.
  const again = await postSubmit(page);
  expect(again.headers()['location']).toMatch(/\/concern\/confirmation$/);
  await page.reload();
  await settled(page, info);
  await expect(page.getByTestId('reference')).toHaveText(reference);
  await expectAccessible(page);
  await page.goto('/concern/submit');
  await expect(page).toHaveURL(/\/concern\/confirmation$/);
  await settled(page, info);
  await expect(page.getByTestId('reference')).toHaveText(reference);
  await expectOneMail(page, hand.email, reference);
});

test('three posts of the check page at the same moment make one case; the next concern is a new one', async ({ page }, info) => {
  await cctvReady(page, info);
  await continueToSend(page, info);
  const hand: HandIn = {
    ...me(info, 'race'),
    organisation: { operator: 'The occupier of 7 Park Road' },
    uploads: [{ kind: 'Anything else that helps', file: 'notes.txt' }],
  };
  await answerHandIn(page, info, hand);
  const responses = await Promise.all([postSubmit(page), postSubmit(page), postSubmit(page)]);
  for (const response of responses) expect(response.headers()['location']).toMatch(/\/concern\/confirmation$/);
  await page.goto('/concern/confirmation');
  const reference = await confirmation(page, info, hand.email);
  await expectOneMail(page, hand.email, reference);

  // Another concern from the same browser is a new case.
  await cctvReady(page, info);
  await continueToSend(page, info);
  const second: HandIn = { ...hand, email: uniqueEmail(info, 'second'), organisation: { operator: 'The occupier of 9 Park Road' } };
  await answerHandIn(page, info, second);
  const another = await send(page, info, second.email);
  expect(another).not.toBe(reference);
});

test("with JavaScript, each new question starts with its own answer, not the last page's", async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'pages are only re-used in place with JavaScript');
  const noRadioChecked = async () => expect(page.locator('input[type="radio"]:checked')).toHaveCount(0);
  await start(page, info);
  await choose(page, info, 'How an organisation has used or looked after my personal information', /organisation$/);
  await type(page, info, 'Acme Energy Ltd', /organisation-country$/);
  await choose(page, info, 'In the UK', /\/raised$/);
  await noRadioChecked();
  await choose(page, info, 'Yes', /raised-on$/);
  await date(page, info, ['5', '1', '2026'], /responded$/);
  await noRadioChecked();
  await choose(page, info, 'Yes', /response-on$/);
  await date(page, info, ['20', '1', '2026'], /last-contact$/);
  for (const part of ['Day', 'Month', 'Year']) await expect(page.getByLabel(part)).toHaveValue('');
  await date(page, info, ['', '', ''], /documents$/);
  await tick(page, info, ['Your complaint to the organisation', "The organisation's reply"], /check$/);
  await confirm(page, info, 'ready');
  await continueToSend(page, info);
  await noRadioChecked();
  await choose(page, info, 'Me', /organisation-match$/);
  await organisationMatches(page);
  await noRadioChecked();
  await answerOrganisation(page, info, { none: 'Other business, such as a shop' });
  await write(page, info, 'They lost my file.', /timeline$/);
  await addEvent(page, info, ['5', '1', '2026'], 'I wrote to them.');
  await next(page, info, /harm$/);
  await write(page, info, 'I was upset.', /what-you-want$/);
  await write(page, info, 'An explanation.', /evidence$/);
  await uploadFile(page, info, 'Your complaint to the organisation', 'letter.pdf');
  await uploadFile(page, info, "The organisation's reply", 'reply.docx');
  await next(page, info, /your-name$/);
  await type(page, info, 'Sam Example', /\/email$/);
  await expect(page.locator('input[name="value"]')).toHaveValue('');
  await type(page, info, uniqueEmail(info, 'fresh'), /\/phone$/);
  await expect(page.locator('input[name="value"]')).toHaveValue('');
});

test('with JavaScript, the character count updates as you type', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'only meaningful with JavaScript');
  await dataProtectionReady(page, info);
  await continueToSend(page, info);
  await choose(page, info, 'Me', /organisation-match$/);
  await answerOrganisation(page, info, { none: 'Other business, such as a shop' });
  const count = page.locator('#summary-info');
  await expect(count).toHaveText('You have 2,000 characters remaining');
  await page.locator('textarea[name="value"]').pressSequentially('Hello');
  await expect(count).toHaveText('You have 1,995 characters remaining');
  await page.locator('textarea[name="value"]').fill('a'.repeat(2003));
  await expect(count).toHaveText('You have 3 characters too many');
  await expect(count).toHaveClass(/govuk-error-message/);
  await page.locator('textarea[name="value"]').fill('');
  await expect(count).toHaveText('You have 2,000 characters remaining');
  await expectAccessible(page);
});

test('with JavaScript, the character count is the page\'s only code and counts what was typed before it arrived', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'only meaningful with JavaScript');
  await dataProtectionReady(page, info);
  await continueToSend(page, info);
  await choose(page, info, 'Me', /organisation-match$/);
  await answerOrganisation(page, info, { none: 'Other business, such as a shop' });
  await expect(page.locator('leptos-island')).toHaveCount(1);
  // On a slow phone the page arrives long before its WebAssembly: hold it back and type meanwhile.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/pkg/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  const code: string[] = [];
  page.on('request', (request) => {
    if (/\.(wasm|js)$/.test(new URL(request.url()).pathname)) code.push(new URL(request.url()).pathname);
  });
  const wasm = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith('.wasm'));
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.locator('textarea[name="value"]').fill('Typed early');
  await expect(page.locator('#summary-info')).toHaveText('You can enter up to 2,000 characters');
  release();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.locator('#summary-info')).toHaveText('You have 1,989 characters remaining');
  await expect(page.locator('textarea[name="value"]')).toHaveValue('Typed early');
  // One module and one wasm, named by their content and kept for a year.
  expect((await wasm).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  // (Sorted by kind: the hashes decide which name sorts first.)
  const byKind = [...code].sort((a, b) => a.split('.').pop()!.localeCompare(b.split('.').pop()!));
  expect(byKind).toEqual([
    expect.stringMatching(/^\/pkg\/portal\.[A-Za-z0-9_-]{22}\.js$/),
    expect.stringMatching(/^\/pkg\/portal\.[A-Za-z0-9_-]{22}\.wasm$/),
  ]);
});

test('without JavaScript, the character count states the limit', async ({ page }, info) => {
  test.skip(jsEnabled(info), 'only meaningful without JavaScript');
  await dataProtectionReady(page, info);
  await continueToSend(page, info);
  await choose(page, info, 'Me', /organisation-match$/);
  await answerOrganisation(page, info, { none: 'Other business, such as a shop' });
  await expect(page.locator('#summary-info')).toHaveText('You can enter up to 2,000 characters');
});

// Assisted digital (manual §12): a helpline adviser completes the concern for a caller on the phone
// who has no email address; the confirmation is a printable acknowledgement letter.
test('a helpline adviser completes a concern for a caller without email and gets the printable acknowledgement', async ({ page }, info) => {
  const adviser = `adviser.${info.project.name}.${Date.now().toString(36)}@example.gov.uk`;
  const password = 'helpline password 1';
  await signIn(page, info, ADMIN_EMAIL, ADMIN_PASSWORD, '/staff/users/new');
  await addStaff(page, info, { name: `Ha Helpline ${info.project.name}`, email: adviser, roles: ['Helpline'], password });
  await signOut(page, info);

  await signIn(page, info, adviser, password, '/staff/helpline/assist');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Raise a concern for a caller');
  await expectAccessible(page);
  // Consent is required before the form starts.
  await page.getByRole('button', { name: 'Start the form for the caller' }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page.locator('.govuk-error-summary a')).toHaveText('Tick the box once the caller has agreed');
  await expectAccessible(page);
  await page.getByLabel(/^The caller agrees/).check();
  await page.getByRole('button', { name: 'Start the form for the caller' }).click();
  await expect(page).toHaveURL(/\/concern\/about$/);
  await settled(page, info);

  await choose(page, info, 'An organisation has not given me a copy of my personal information', /organisation$/);
  await type(page, info, 'Acme Energy Ltd', /organisation-country$/);
  await choose(page, info, 'In the UK', /\/raised$/);
  await choose(page, info, 'Yes', /raised-on$/);
  await date(page, info, ['5', '1', '2026'], /responded$/);
  await choose(page, info, 'No', /last-contact$/);
  await date(page, info, ['', '', ''], /documents$/);
  await tick(page, info, ['Your request for a copy of your information'], /check$/);
  await confirm(page, info, 'ready');
  await continueToSend(page, info);
  await answerHandIn(page, info, {
    name: 'Alex Caller',
    email: '',
    phone: '07700 900123',
    address: '1 High Street\nLeeds\nLS1 1AA',
    contactBy: 'Post',
    welsh: 'No',
    organisation: { none: 'Phone, mobile or broadband provider' },
    uploads: [{ kind: 'Your subject access request', file: 'request.eml' }],
  });
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await expect(page).toHaveURL(/\/concern\/confirmation$/);
  await settled(page, info);
  await expect(page.locator('.govuk-panel')).toContainText('Concern sent');
  const reference = ((await page.getByTestId('reference').textContent()) ?? '').trim();
  expect(reference).toMatch(REFERENCE);
  const letter = page.getByTestId('acknowledgement-letter');
  await expect(letter).toContainText('Dear Alex Caller,');
  await expect(letter).toContainText('1 High Street');
  await expect(letter).toContainText(`We have recorded it as case ${reference}.`);
  await expectAccessible(page);
  expect(mails().some((mail) => mail.subject.includes(reference))).toBe(false);
});

test('a concern handed in in Welsh is acknowledged in Welsh at the SMTP server', async ({ page }, info) => {
  // Issue 20: the person switches to Welsh on the start page; every page after is in Welsh (the
  // steps are the English ones read through the catalogues) and so is the acknowledgement.
  await page.goto('/');
  await settled(page, info);
  await page.getByRole('link', { name: "Newid yr iaith i'r Gymraeg" }).click();
  await settled(page, info);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await subjectAccessReady(page, info);
  const words = await wordsFor(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words('You can raise your concern with us'));
  await continueToSend(page, info);
  const hand: HandIn = {
    ...me(info, 'cymraeg'),
    organisation: { none: 'Phone, mobile or broadband provider' },
    uploads: [{ kind: 'Your subject access request', file: 'request.eml' }],
    welsh: 'Yes',
  };
  await answerHandIn(page, info, hand);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await send(page, info, hand.email, true);
});
