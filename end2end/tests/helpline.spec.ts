import { APIRequestContext, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { expectAccessible, settled, waitForMail } from './helpers';
import { databaseFile } from './portal';
import { ADMIN_EMAIL, ADMIN_PASSWORD, API_KEY, addStaff, context, runTag, signIn, signOut, who } from './staff-helpers';

// The helpline console (manual §12), once with JavaScript and once without. The e2e server's
// clock is fixed on Monday 2 March 2026, so to see a bank holiday inside a callback's window the
// officer is away until Thursday 2 April 2026 (set on the staff account page): the officer is back
// on Tuesday 7 April (Good Friday 3 April, the weekend and Easter Monday 6 April are not working
// days) and a caller who waits is called back by Thursday 9 April. A caller who will not wait goes
// to the officer's manager, who is in: by Wednesday 4 March. The adviser finds the case from its
// reference with one wrong character, reads the summary, books both callbacks, and passes on a
// request for prioritisation that the manager grants (after the emailed notice arrives). axe-core
// checks every page.

const PASSWORD = 'helpline password 1';

const RUN = runTag();

test.describe.configure({ timeout: 240_000 });

async function handIn(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/v1/cases', {
    // Required: one key per concern (a retry with it cannot make a second case).
    headers: { authorization: `Bearer ${API_KEY}`, 'idempotency-key': `e2e-${Date.now()}-${Math.random()}` },
    data: {
      route: 'data_protection', today: '2026-03-02', subject_access: true, raised_on: '2026-01-20',
      organisation: { name: 'Example Telecoms Ltd', sector: 'telecoms' },
      customer: { name: 'Alex Jones', email, phone: '07700 900123', adjustments: 'Large print, please' },
      summary: 'I asked for my records in January and have heard nothing.',
      harm: 'I cannot check what they hold about me.',
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).reference;
}

/** Sifts the case to work queue 6 and allocates it (the sift slice's pages do this). */
function allocateInDatabase(reference: string, officer: string) {
  const script = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1]); db.execute("PRAGMA busy_timeout = 5000")
ref, officer = sys.argv[2:4]
officer_id = db.execute("SELECT id FROM staff WHERE email = ?", (officer,)).fetchone()[0]
db.execute("UPDATE cases SET sifted_on = '2026-03-02', work_queue = ?, assigned_to = ?, allocated_on = '2026-03-02' WHERE reference = ?", (json.dumps({"numbered": 6}, separators=(",", ":")), officer_id, ref))
db.commit()
`;
  execFileSync('/usr/bin/python3', ['-c', script, databaseFile(), reference, officer]);
}

/** The reference with one character of its sequence changed: its check character fails. */
function mistype(reference: string): string {
  const chars = reference.split('');
  chars[4] = chars[4] === '9' ? '8' : '9';
  return chars.join('');
}

test('an adviser finds a mistyped case, books callbacks past Easter and up the line, and passes on a prioritisation request', async ({ page, browser }, info) => {
  const reference = await handIn(page.request, `alex-${info.project.name}-${RUN}@example.org`);
  const adviser = who(info, 'adviser');
  const officer = who(info, 'officer');
  const manager = who(info, 'manager');
  const officerName = `Olu Officer ${info.project.name} ${RUN}`;
  const managerName = `Mo Manager ${info.project.name} ${RUN}`;

  // The admin adds the adviser, the officer and their manager; the officer is away until 2 April.
  await signIn(page, info, ADMIN_EMAIL, ADMIN_PASSWORD, '/staff/users/new');
  await addStaff(page, info, { name: `Ha Helpline ${info.project.name} ${RUN}`, email: adviser, roles: ['Helpline'], password: PASSWORD });
  await addStaff(page, info, { name: managerName, email: manager, roles: ['Team manager'], password: PASSWORD });
  await addStaff(page, info, { name: officerName, email: officer, roles: ['Case officer'], password: PASSWORD });
  await page.getByRole('link', { name: `Change ${officerName}` }).click();
  await settled(page, info);
  await page.getByLabel('Manager', { exact: true }).selectOption({ label: managerName });
  await page.getByLabel('Day').fill('2');
  await page.getByLabel('Month').fill('4');
  await page.getByLabel('Year').fill('2026');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(/\/staff\/users\?updated=/);
  await settled(page, info);
  await signOut(page, info);
  allocateInDatabase(reference, officer);

  // The adviser types the reference with one wrong character: caught, and the case offered.
  await signIn(page, info, adviser, PASSWORD, '/staff/helpline');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find a case for a caller');
  await expectAccessible(page);
  await page.getByLabel('Reference, name, email address or phone number').fill(mistype(reference));
  await page.getByRole('button', { name: 'Search' }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page.locator('.govuk-error-summary a[href="#q"]')).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId('suggestions').getByRole('link', { name: reference }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/helpline/${reference}$`));
  await settled(page, info);

  // The summary: warnings first, where the case is, who has it (away), what happens next.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reference);
  await expect(page.getByTestId('warning-adjustments')).toContainText('Large print, please');
  await expect(page.getByText('With a case officer')).toBeVisible();
  await expect(page.getByText('Away until 2 April 2026')).toBeVisible();
  await expectAccessible(page);

  // The caller waits: the officer, back on 7 April after Easter, calls by 9 April.
  await page.getByLabel(/^Yes, they will wait/).check();
  await page.getByRole('button', { name: 'Book callback' }).click();
  await settled(page, info);
  await expect(page.getByText('Callback booked.')).toBeVisible();
  await expect(page.getByTestId('callback').filter({ hasText: officerName })).toContainText('9 April 2026');
  await expectAccessible(page);

  // The caller will not wait: the manager, who is in, calls by 4 March.
  await page.getByLabel(/^No, they will not wait/).check();
  await page.getByRole('button', { name: 'Book callback' }).click();
  await settled(page, info);
  await expect(page.getByTestId('callback').filter({ hasText: managerName })).toContainText('4 March 2026');

  // A request for prioritisation: the reasons are required.
  await page.getByRole('button', { name: 'Pass request to the manager' }).click();
  await settled(page, info);
  await expect(page.locator('.govuk-error-summary a[href="#reasons"]')).toHaveText("Enter the caller's reasons");
  await expectAccessible(page);
  await page.getByLabel("The caller's reasons").fill('My landlord is using the records against me.');
  await page.getByRole('button', { name: 'Pass request to the manager' }).click();
  await settled(page, info);
  await expect(page.getByText('Request passed to the manager.')).toBeVisible();
  const mail = await waitForMail(`Request to prioritise case ${reference}`);
  expect(mail.to).toContain(manager);
  await signOut(page, info);

  // The manager grants it; their callback is on their list.
  const managerPage = await (await context(browser, info)).newPage();
  await signIn(managerPage, info, manager, PASSWORD, '/staff/priority-requests');
  await expect(managerPage.getByTestId('priority-request')).toContainText('My landlord is using the records against me.');
  await expectAccessible(managerPage);
  await managerPage.getByLabel('Grant: raise the priority to high').check();
  await managerPage.getByRole('button', { name: 'Save decision' }).click();
  await settled(managerPage, info);
  await expect(managerPage.getByText("Request granted: the case's priority is now high.")).toBeVisible();
  await expectAccessible(managerPage);
  await managerPage.goto('/staff/callbacks');
  await settled(managerPage, info);
  await expect(managerPage.getByTestId('callback').filter({ hasText: reference }).first()).toBeVisible();
  await expectAccessible(managerPage);
  await managerPage.context().close();
});
