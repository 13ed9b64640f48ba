import { APIRequestContext, Browser, BrowserContext, expect, Page, TestInfo } from '@playwright/test';
import * as path from 'node:path';
import { expectAccessible, jsEnabled, settled } from './helpers';

// What the staff journeys share: signing in from a staff page, the admin adding staff, browser
// contexts of the project's kind.

/** The admin `.ci/e2e` makes in each portal's database with `server create-admin`. */
export const ADMIN_EMAIL = process.env.PORTAL_E2E_ADMIN_EMAIL || 'e2e-admin@example.gov.uk';
export const ADMIN_PASSWORD = process.env.PORTAL_E2E_ADMIN_PASSWORD || 'e2e admin password 1';

/** The partner API key every portal under test accepts. */
export const API_KEY = 'local-development-key';

/** A new tag: names made from it (with the project's name) are new in every spec and run. */
export const runTag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

/** This worker's tag, for the staff addresses `who` makes (they also name the spec). */
const RUN = runTag();

/** A staff email address no other spec, project or run uses. */
export const who = (info: TestInfo, name: string) =>
  `${name}-${path.basename(info.file, '.spec.ts')}-${info.project.name}-${RUN}@example.gov.uk`;

/** Opens `next`, is sent to sign in, signs in and is brought back. */
export async function signIn(page: Page, info: TestInfo, email: string, password: string, next: string) {
  await page.goto(next);
  await expect(page).toHaveURL(/\/staff\/sign-in\?next=/);
  await settled(page, info);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await settled(page, info);
}

export async function signOut(page: Page, info: TestInfo) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await settled(page, info);
}

/** The signed-in admin adds a member of staff with these roles (labels as on the form). */
export async function addStaff(
  page: Page,
  info: TestInfo,
  staff: { name: string; email: string; roles: string[]; password: string },
) {
  await page.goto('/staff/users/new');
  await settled(page, info);
  await page.getByLabel('Full name').fill(staff.name);
  await page.getByLabel('Email address').fill(staff.email);
  for (const role of staff.roles) await page.getByLabel(role, { exact: true }).check();
  await page.getByLabel('First password').fill(staff.password);
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page).toHaveURL(/\/staff\/users\?added=/);
  await settled(page, info);
}

/** A new browser context of the project's kind (with or without JavaScript). */
export async function context(browser: Browser, info: TestInfo, baseURL?: string): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: jsEnabled(info), baseURL: baseURL || info.project.use.baseURL });
}

/** Hands a data protection concern in through the partner API for `customer`; its reference. */
export async function handInConcern(request: APIRequestContext, customer: { name: string; email: string }): Promise<string> {
  const response = await request.post('/api/v1/cases', {
    // Required: one key per concern (a retry with it cannot make a second case).
    headers: { authorization: `Bearer ${API_KEY}`, 'idempotency-key': `e2e-${Date.now()}-${Math.random()}` },
    data: {
      route: 'data_protection', today: '2026-03-02', subject_access: true, raised_on: '2026-01-20',
      organisation: { name: 'Example Telecoms Ltd', sector: 'telecoms' },
      customer,
      summary: 'I asked for my records in January and have heard nothing.',
      harm: 'I cannot check what they hold about me.',
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).reference;
}

/** Sifts the case to work queue 6 and allocates it to the officer, as `manager`, through the sift
 *  and work queue pages (axe on each). */
export async function siftAndAllocate(
  browser: Browser, info: TestInfo, reference: string, manager: string, password: string, officerName: string,
) {
  const ctx = await context(browser, info);
  const page = await ctx.newPage();
  try {
    await signIn(page, info, manager, password, `/staff/sift/${reference}`);
    await expect(page.getByTestId('sift-form')).toBeVisible();
    await expectAccessible(page);
    await page.locator('input[name="case_type"][value="RFA"]').check();
    await page.locator('select#queue').selectOption('6');
    await page.getByRole('button', { name: 'Sift and route' }).click();
    await settled(page, info);
    await expect(page.getByText(`Case ${reference} is sifted and routed.`)).toBeVisible();
    await page.goto(`/staff/queues/6/${reference}`);
    await settled(page, info);
    await expectAccessible(page);
    const officerValue = await page.locator('select#officer option', { hasText: officerName }).getAttribute('value');
    await page.locator('select#officer').selectOption(officerValue || '');
    await page.getByRole('button', { name: 'Allocate', exact: true }).click();
    await settled(page, info);
    await expect(page.getByText(`Case ${reference} is allocated.`)).toBeVisible();
  } finally {
    await ctx.close();
  }
}
