import { expect, Page, test } from '@playwright/test';
import { ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import { expectAccessible, settled, waitForMail } from './helpers';
import { databaseFile, portal, ROOT } from './portal';
import { addStaff, ADMIN_EMAIL, ADMIN_PASSWORD, API_KEY, handInConcern, runTag, siftAndAllocate, signIn, who } from './staff-helpers';

// The case officer's journey, once with JavaScript and once without: a concern handed in through
// the partner API is sifted, routed and allocated, then the officer finds it, prepares it, emails
// the customer (read from the SMTP server's Maildir), gets the reply back onto the case (a raw
// RFC 822 message posted to /api/v1/inbound-email), closes it after a refused invalid closure,
// is refused a same-day re-open, and re-opens it "the next day" on a second portal process over
// the same database whose clock is a day later. Each step shows on the case's timeline; axe-core
// checks every page.

const RUN = runTag();

test.describe.configure({ timeout: 240_000 });

const PASSWORD = 'casework password 1';



async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A second portal process on the same database, its clock on `today`; resolves once healthy. */
async function secondPortal(today: string): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const main = portal();
  const child = spawn(main.server, [], {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      ...process.env,
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: main.siteRoot,
      LEPTOS_OUTPUT_NAME: 'portal',
      PORTAL_FIXED_TODAY: today,
      PORTAL_DATABASE_URL: `sqlite://${databaseFile()}?mode=rwc`,
      PORTAL_SMTP_URL: main.smtpUrl,
      PORTAL_FILE_DIR: main.fileDir,
      PORTAL_PUBLIC_URL: url,
      PORTAL_DEVELOPMENT: 'true',
    },
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, process: child };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error(`the second portal did not start at ${url}`);
}

/** The case's timeline has an event with these words. */
async function onTimeline(page: Page, words: string | RegExp) {
  await expect(page.getByTestId('event').filter({ hasText: words }).first()).toBeVisible();
}

test('an officer prepares, emails, hears back, closes and re-opens a case the next day', async ({ page, browser }, info) => {
  const customer = `alex-${info.project.name}-${RUN}@example.org`;
  const reference = await handInConcern(page.request, { name: 'Alex Jones', email: customer });
  const officerName = `Olu Officer ${info.project.name} ${RUN}`;
  const officer = who(info, 'officer');
  const manager = who(info, 'manager');

  // The admin adds the officer and a manager who sifts and allocates.
  await signIn(page, info, ADMIN_EMAIL, ADMIN_PASSWORD, '/staff/users/new');
  await addStaff(page, info, { name: officerName, email: officer, roles: ['Case officer'], password: PASSWORD });
  await addStaff(page, info, { name: `Sam Manager ${info.project.name} ${RUN}`, email: manager, roles: ['Advice service', 'Team manager'], password: PASSWORD });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await settled(page, info);
  await siftAndAllocate(browser, info, reference, manager, PASSWORD, officerName);

  // The officer finds the case from the staff home's box.
  await signIn(page, info, officer, PASSWORD, '/staff');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff home');
  await expectAccessible(page);
  await page.getByLabel('Case reference').fill(reference.toLowerCase());
  await page.getByRole('button', { name: 'Find the case' }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/cases/${reference}$`));
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reference);
  // The summary at the top says where the case stands.
  await expect(page.getByTestId('case-glance').getByText('With a case officer')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Customer — Alex Jones/ })).toBeVisible();
  await onTimeline(page, 'Case received');
  await onTimeline(page, 'Allocated to a case officer');
  await expectAccessible(page);

  // Prepare: the checklist, then 'progress'.
  await expect(page.getByText('Check for potential criminal breaches')).toBeVisible();
  await page.getByRole('button', { name: "Complete 'prepare' and start 'progress'" }).click();
  await settled(page, info);
  await expect(page.getByText("The case is prepared: 'progress' has started.")).toBeVisible();
  await onTimeline(page, 'Prepared: first contact made, work in progress');
  await expectAccessible(page);

  // Email the customer from the first-contact template.
  await page.getByRole('link', { name: 'Email a party' }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Email a party');
  await page.getByLabel(/Alex Jones — Customer/).check();
  await page.getByLabel(/^First contact/).check();
  await page.getByRole('button', { name: 'Start the email' }).click();
  await settled(page, info);
  await expect(page.getByLabel('Subject')).toHaveValue('Your concern about Example Telecoms Ltd');
  await expect(page.getByLabel('Message')).toHaveValue(/I am the case officer dealing with your concern/);
  await expectAccessible(page);
  await page.getByLabel('Your job title').fill('Case Officer');
  await page.getByLabel('Your direct dial number').fill('01625 545 700');
  await page.getByRole('button', { name: 'Send the email' }).click();
  await settled(page, info);
  await expect(page.getByText('The email is on its way and kept on the case.')).toBeVisible();
  await onTimeline(page, 'Email sent');
  const tag = `[Ref. ${reference}]`;
  const mail = await waitForMail(`Your concern about Example Telecoms Ltd ${tag}`);
  expect(mail.to).toContain(customer);
  const body = mail.body.replace(/\r\n/g, '\n');
  expect(body).toContain('I am the case officer dealing with your concern');
  expect(body).toContain(`${officerName}\nCase Officer\nThe Information Commissioner's Office\n01625 545 700`);

  // The customer's reply, as the mail server's pipe hands it over.
  const raw = [
    `From: Alex Jones <${customer}>`, 'To: casework@localhost', `Subject: Re: ${mail.subject}`,
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable',
    '', 'Thank you. I have now had a letter from them =E2=80=94 it is wrong.', '',
  ].join('\r\n');
  const reply = await page.request.post('/api/v1/inbound-email', {
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'message/rfc822' },
    data: raw,
  });
  expect(reply.status()).toBe(202);
  await page.reload();
  await settled(page, info);
  await expect(page.getByText('Thank you. I have now had a letter from them — it is wrong.')).toBeVisible();
  await onTimeline(page, 'Email received');
  await expectAccessible(page);

  // Close: a delayed subject access case without both natures is refused, then closed.
  await page.getByRole('link', { name: 'Close this case' }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Close the case');
  await expectAccessible(page);
  await page.getByLabel('DC action required').check();
  await page.getByLabel('Nature 1').selectOption({ label: 'Subject access' });
  await page.getByRole('button', { name: 'Close the case' }).click();
  await settled(page, info);
  const summary = page.locator('.govuk-error-summary');
  await expect(summary.getByRole('link', { name: /Nature 1 and Nature 2 both as Subject access/ })).toHaveAttribute('href', '#nature-1');
  await expect(page.getByLabel('DC action required')).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel('Nature 2').selectOption({ label: 'Subject access' });
  await page.getByRole('button', { name: 'Close the case' }).click();
  await settled(page, info);
  await expect(page.getByText('The case is closed.')).toBeVisible();
  await onTimeline(page, /^.*Closed.*DC action required/);
  await expectAccessible(page);

  // Re-opening the same day is refused.
  await page.getByRole('link', { name: 'Re-open this case' }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/cases/${reference}/reopen$`));
  await settled(page, info);
  await expectAccessible(page);
  await page.getByLabel('The second, related concern').fill('The data they sent is inaccurate.');
  await page.getByRole('button', { name: 'Re-open the case' }).click();
  await settled(page, info);
  await expect(page.locator('.govuk-error-summary')).toContainText('must not be closed and re-opened on the same day');
  await expectAccessible(page);

  // The next day, on a second portal process over the same database.
  const tomorrow = await secondPortal('2026-03-03');
  try {
    await page.goto(`${tomorrow.url}/staff/cases/${reference}/reopen`);
    await settled(page, info);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Re-open the case');
    await page.getByLabel('The second, related concern').fill('The data they sent is inaccurate.');
    await page.getByRole('button', { name: 'Re-open the case' }).click();
    await expect(page).toHaveURL(new RegExp(`^${tomorrow.url}/staff/cases/${reference}\\?done=reopened`));
    await settled(page, info);
    await expect(page.getByText('The case has been re-opened as a new instance under the same reference.')).toBeVisible();
    await expect(page.getByText('2, opened on 3 March 2026')).toBeVisible();
    await onTimeline(page, 'Re-opened for a related concern');
    for (const step of ['Case received', 'Prepared', 'Email sent', 'Email received', 'Closed']) await onTimeline(page, step);
    await expectAccessible(page);
  } finally {
    tomorrow.process.kill();
  }
});
