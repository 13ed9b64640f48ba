import { expect, Page, test, TestInfo } from '@playwright/test';
import { expectAccessible, jsEnabled, settled } from './helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './staff-helpers';

// Staff sign-in, once with JavaScript and once without: an admin (made before the portal starts,
// see below) signs in, adds a case officer, changes them, and signs out; the case officer signs in
// and is refused the admin area with a 403 page. axe-core checks every page.
//
// .ci/test creates the admin with the real command before the end-to-end run:
//   PORTAL_DATABASE_URL="sqlite://target/e2e/portal.db?mode=rwc" \
//   PORTAL_ADMIN_PASSWORD="e2e admin password 1" \
//   cargo run -q -p server -- create-admin --email e2e-admin@example.gov.uk --name "End-to-end Admin"
// Other credentials can be given with PORTAL_E2E_ADMIN_EMAIL and PORTAL_E2E_ADMIN_PASSWORD.

const OFFICER_PASSWORD = 'a first password for the officer';

test.describe.configure({ timeout: 120_000 });

/** An email address no other project or run uses. */
const uniqueEmail = (info: TestInfo, who: string) =>
  `${who}.${info.project.name}.${Date.now().toString(36)}@example.gov.uk`;

/** Every staff page says "Staff" in its header. */
async function expectStaffHeader(page: Page) {
  await expect(page.locator('header .app-staff-tag')).toHaveText('Staff');
}

async function signIn(page: Page, info: TestInfo, email: string, password: string) {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/^[^?]*\/staff$/);
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff home');
  await expectStaffHeader(page);
  await expectAccessible(page);
}

async function signOut(page: Page, info: TestInfo) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in\?signed-out=true$/);
  await settled(page, info);
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await expectAccessible(page);
}

test('an admin adds a case officer, who signs in and is refused the admin area', async ({ page }, info) => {
  const officerEmail = uniqueEmail(info, 'officer');
  // Unique per run too, so the spec can run again against the same database.
  const officerName = `Olu Officer ${info.project.name} ${Date.now().toString(36)}`;

  // Anonymous: sent to sign in, and back afterwards.
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/staff\/sign-in\?next=\/staff$/);
  await settled(page, info);
  await expectStaffHeader(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to the staff service');
  await expect(page.getByLabel('Email address')).toHaveAttribute('autocomplete', 'username');
  await expect(page.getByLabel('Password')).toHaveAttribute('autocomplete', 'current-password');
  await expectAccessible(page);

  // Nothing typed: an error summary linking to each field.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/error=missing-both/);
  await settled(page, info);
  await expect(page).toHaveTitle(/^Error:/);
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page.locator('.govuk-error-summary a[href="#email"]')).toHaveText('Enter your email address');
  await expect(page.locator('.govuk-error-summary a[href="#password"]')).toHaveText('Enter your password');
  await expectAccessible(page);

  // A wrong password: the same words as for an unknown address.
  await page.getByLabel('Email address').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/error=credentials/);
  await settled(page, info);
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter a correct email address and password');
  await expectAccessible(page);

  await signIn(page, info, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByText('Admin', { exact: true })).toBeVisible();

  // The admin area: the list, then the add form.
  await page.getByRole('link', { name: 'Manage staff accounts' }).click();
  await expect(page).toHaveURL(/\/staff\/users$/);
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff accounts');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add a staff member' }).click();
  await expect(page).toHaveURL(/\/staff\/users\/new$/);
  await settled(page, info);
  await expectAccessible(page);

  // A refused add keeps what was typed and says what is wrong.
  await page.getByLabel('Full name').fill(officerName);
  await page.getByLabel('Email address').fill(officerEmail);
  await page.getByLabel('First password').fill('too short');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await settled(page, info);
  await expect(page.locator('.govuk-error-summary a[href="#roles"]')).toHaveText('Select at least one role');
  await expect(page.locator('.govuk-error-summary a[href="#password"]')).toHaveText(
    'The password must be at least 12 characters',
  );
  await expect(page.getByLabel('Full name')).toHaveValue(officerName);
  await expect(page.getByLabel('First password')).toHaveValue('');
  await expectAccessible(page);

  await page.getByLabel('Case officer', { exact: true }).check();
  await page.getByLabel('First password').fill(OFFICER_PASSWORD);
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page).toHaveURL(/\/staff\/users\?added=/);
  await settled(page, info);
  await expect(page.getByText(`${officerName} has been added`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(officerName) })).toContainText('Case officer');
  await expectAccessible(page);

  // Change them: away until a date.
  await page.getByRole('link', { name: `Change ${officerName}` }).click();
  await expect(page).toHaveURL(/\/staff\/users\/[0-9a-f]{32}$/);
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(officerName);
  await expectAccessible(page);
  await page.getByLabel('Day').fill('24');
  await page.getByLabel('Month').fill('12');
  await page.getByLabel('Year').fill('2026');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(/\/staff\/users\?updated=/);
  await settled(page, info);
  await expect(page.getByRole('row', { name: new RegExp(officerName) })).toContainText('24 December 2026');
  await expectAccessible(page);

  await signOut(page, info);

  // The case officer: their home page has no admin link, and the admin area answers 403.
  await signIn(page, info, officerEmail, OFFICER_PASSWORD);
  await expect(page.getByText('Case officer', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Manage staff accounts' })).toHaveCount(0);
  const refused = await page.goto('/staff/users');
  expect(refused?.status()).toBe(403);
  // The 403 page runs no scripts (nothing to hydrate), with or without JavaScript.
  await page.waitForLoadState('load');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have permission to view this page');
  await expectStaffHeader(page);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Go to the staff home page' }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await settled(page, info);
  await signOut(page, info);

  // Signed out: the staff pages send you to sign in again.
  await page.goto('/staff/users');
  await expect(page).toHaveURL(/\/staff\/sign-in\?next=\/staff\/users$/);
  if (jsEnabled(info)) await settled(page, info);
});
