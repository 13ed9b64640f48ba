import { expect, Page, test, TestInfo } from '@playwright/test';
import { expectAccessible, Mail, mails, settled } from './helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './staff-helpers';

// The breach report, with and without JavaScript: an organisation starts from the
// self-assessment, answers some parts (a refused answer is explained next to its field and in
// the summary), saves and gets the link by email (a real SMTP server), opens it in another
// browser, finishes, sends, gets the copy with the reference, and adds a follow-up under the same
// reference. Then Enforcement triages it. axe-core checks every page.


test.describe.configure({ timeout: 240_000 });

const unique = (info: TestInfo, who: string) =>
  `${who}.${info.project.name}.${Date.now().toString(36)}@example.org`;

async function mailTo(address: string, subjectIncludes: string, timeout = 20_000): Promise<Mail> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const mail = mails().find((m) => m.to.includes(address) && m.subject.includes(subjectIncludes));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no email "${subjectIncludes}" to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function openPart(page: Page, info: TestInfo, name: string) {
  await page.getByRole('link', { name, exact: true }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

async function saveAndContinue(page: Page, info: TestInfo) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page).toHaveURL(/\/report-breach\/report$/);
  await settled(page, info);
}

test('an organisation saves a report, comes back by the emailed link, sends it and follows it up', async ({ page, browser }, info) => {
  const email = unique(info, 'dpo');
  // The self-assessment says report it; its answers start the report.
  await page.goto('/report-breach/assess?personal_data=yes&security_breach=yes&asked=risk&value=likely');
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You need to report this breach');
  await page.getByRole('button', { name: 'Start your report' }).click();
  await expect(page).toHaveURL(/\/report-breach\/report$/);
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your personal data breach report');
  await expect(page.getByTestId('progress')).toHaveText('You have completed 0 of 9 parts.');
  await expectAccessible(page);

  await openPart(page, info, 'About the organisation');
  await expectAccessible(page);
  // Nothing typed: every required field is named in the summary, linked to it.
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page).toHaveURL(/\/report-breach\/report\/organisation$/);
  await settled(page, info);
  await expect(page).toHaveTitle(/^Error:/);
  await expect(page.locator('.govuk-error-summary a[href="#sector"]')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Organisation name').fill('Northshire Primary School');
  await page.getByLabel('Data protection fee registration number (optional)').fill('za123456');
  await page.getByLabel('What kind of organisation is it?').selectOption('education');
  await page.getByLabel('50 to 249').check();
  await saveAndContinue(page, info);

  await openPart(page, info, 'Who we should contact');
  await page.getByLabel('Our data protection officer').check();
  await page.getByLabel('Full name').fill('Dana Protector');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Telephone number').fill('01632 960 001');
  await saveAndContinue(page, info);

  // Awareness in the future: refused, with what was typed kept.
  await openPart(page, info, 'When it happened and when you found out');
  await page.getByLabel('We do not know when it happened').check();
  const aware = page.getByRole('group', { name: 'When did you become aware of the breach?' });
  await aware.getByLabel('Day').fill('9');
  await aware.getByLabel('Month').fill('3');
  await aware.getByLabel('Year').fill('2026');
  await aware.getByLabel('Hour').fill('10');
  await aware.getByLabel('Minute').fill('00');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page).toHaveURL(/\/report-breach\/report\/timing$/);
  await settled(page, info);
  await expect(page.locator('.govuk-error-summary a[href="#aware.day"]')).toHaveText(
    'The date and time you became aware must be in the past',
  );
  await expect(aware.getByLabel('Day')).toHaveValue('9');
  await expectAccessible(page);
  await aware.getByLabel('Day').fill('1');
  await aware.getByLabel('Hour').fill('9');
  await aware.getByLabel('Minute').fill('30');
  await saveAndContinue(page, info);
  await expect(page.getByTestId('breach-clock')).toContainText('You have 45 hours left');
  await expect(page.getByTestId('progress')).toHaveText('You have completed 3 of 9 parts.');

  // Save and come back later: the link goes by email.
  await page.getByRole('link', { name: 'Save your report and get a link to come back to it' }).click();
  await settled(page, info);
  await expect(page.getByLabel('Where should we send the link to your report?')).toHaveValue(email);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page).toHaveURL(/\/report-breach\/report\/saved$/);
  await settled(page, info);
  await expect(page.getByTestId('sent-to')).toContainText(email);
  await expectAccessible(page);
  const linkMail = await mailTo(email, 'Continue your personal data breach report');
  const link = linkMail.body.match(/https?:\/\/\S+\/report-breach\/resume\/[0-9a-f]{64}/)?.[0];
  expect(link).toBeTruthy();

  // Another browser (a colleague's computer): the link opens this draft.
  const other = await browser.newContext({ javaScriptEnabled: info.project.name === 'javascript' });
  const later = await other.newPage();
  await later.goto(new URL(link ?? '').pathname);
  await settled(later, info);
  await expect(later.getByRole('heading', { level: 1 })).toHaveText('Continue your breach report');
  await expectAccessible(later);
  await later.getByRole('button', { name: 'Continue your report' }).click();
  await expect(later).toHaveURL(/\/report-breach\/report$/);
  await settled(later, info);
  await expect(later.getByTestId('progress')).toHaveText('You have completed 3 of 9 parts.');

  await openPart(later, info, 'What happened');
  await later.getByLabel('What happened?').fill('A spreadsheet of pupils’ health needs was emailed to the wrong parent.');
  await later.getByRole('group', { name: 'Was the breach caused by a cyber incident?' }).getByLabel('No', { exact: true }).check();
  await later.getByLabel('How did you find out about the breach?').fill('The parent told us the same day.');
  await saveAndContinue(later, info);

  await openPart(later, info, 'The personal data involved');
  await later.getByLabel('Health', { exact: true }).check();
  await saveAndContinue(later, info);

  await openPart(later, info, 'How many records and people');
  await later.getByLabel('How many records were involved?').fill('240');
  await later.getByLabel('How many people could be affected?').fill('240');
  await later.getByLabel('Children', { exact: true }).check();
  await saveAndContinue(later, info);

  await openPart(later, info, 'Likely consequences');
  await later.getByLabel('What are the likely consequences for the people affected?').fill('Distress to families.');
  await later.getByLabel('Likely', { exact: true }).check();
  await saveAndContinue(later, info);

  await openPart(later, info, 'Containing the breach and helping people');
  await later.getByRole('group', { name: 'Has the breach been contained?' }).getByLabel('Yes', { exact: true }).check();
  await later.getByLabel('What have you done, or will you do, to contain the breach and limit its effects?').fill('The parent deleted the email.');
  await saveAndContinue(later, info);

  await openPart(later, info, 'Who you have told');
  await later.getByLabel('Yes, they have been told').check();
  await saveAndContinue(later, info);
  await expect(later.getByTestId('progress')).toHaveText('You have completed 9 of 9 parts.');
  await expectAccessible(later);

  await later.getByRole('link', { name: 'Check your answers' }).click();
  await expect(later).toHaveURL(/\/report-breach\/report\/check$/);
  await settled(later, info);
  await expect(later.getByText('ZA123456')).toBeVisible();
  await expectAccessible(later);
  await later.getByRole('button', { name: 'Accept and send' }).click();
  await expect(later).toHaveURL(/\/report-breach\/report\/sent$/);
  await settled(later, info);
  const reference = (await later.getByTestId('reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^IC-\d{6}-[0-9A-Z]{4}$/);
  await expectAccessible(later);
  const copy = await mailTo(email, reference);
  expect(copy.subject).toBe(`[Ref. ${reference}] Your personal data breach report`);
  expect(copy.body).toContain('Northshire Primary School');

  // Later still: a follow-up under the same reference.
  await later.getByRole('link', { name: 'Send a follow-up report' }).click();
  await expect(later).toHaveURL(/\/report-breach\/follow-up$/);
  await settled(later, info);
  await expectAccessible(later);
  await later.getByLabel('Reference number').fill(reference);
  await later.getByLabel('Email address').fill(email);
  await later.getByLabel('What do you want to add?').fill('We now know 250 pupils were affected.');
  await later.getByRole('button', { name: 'Send follow-up' }).click();
  await expect(later).toHaveURL(/\/report-breach\/follow-up\/sent\?reference=/);
  await settled(later, info);
  await expect(later.getByTestId('reference')).toHaveText(reference);
  await expectAccessible(later);
  await mailTo(email, `[Ref. ${reference}] We have added your follow-up`);

  // The used link opens nothing now.
  await later.goto(new URL(link ?? '').pathname);
  await settled(later, info);
  await later.getByRole('button', { name: 'Continue your report' }).click();
  await expect(later).toHaveURL(/\/report-breach\/link-not-found$/);
  await settled(later, info);
  await expectAccessible(later);
  await other.close();

  // Enforcement triage: the admin adds an Enforcement officer, who moves the report.
  const officer = unique(info, 'enforcement');
  await page.goto('/staff/users/new');
  await page.getByLabel('Email address').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/^[^?]*\/staff\/users\/new$/);
  await settled(page, info);
  await page.getByLabel('Full name').fill(`Triage ${info.project.name}`);
  await page.getByLabel('Email address').fill(officer);
  await page.getByLabel('Enforcement', { exact: true }).check();
  await page.getByLabel('First password').fill('triage password 1');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page).toHaveURL(/\/staff\/users\?added=/);
  await settled(page, info);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in/);
  await settled(page, info);
  await page.goto('/staff/breaches');
  await page.getByLabel('Email address').fill(officer);
  await page.getByLabel('Password').fill('triage password 1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/^[^?]*\/staff\/breaches$/);
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Breach reports: daily triage');
  const row = page.locator(`tr[id="${reference}"]`);
  await expect(row.getByTestId('score')).toContainText('11');
  await expect(row).toContainText('Special category data: 3');
  await expectAccessible(page);
  await row.getByRole('button', { name: `Priority medium, to sector queue ${reference}` }).click();
  await expect(page).toHaveURL(/moved=/);
  await settled(page, info);
  await expect(page.locator(`tr[id="${reference}"]`).getByTestId('queue')).toContainText('(work queue 11), priority medium');
  await expectAccessible(page);
});
