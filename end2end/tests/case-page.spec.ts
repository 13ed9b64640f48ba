import { APIRequestContext, Browser, expect, test, TestInfo } from '@playwright/test';
import { expectAccessible, settled } from './helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, API_KEY, addStaff, context, runTag, signIn, who } from './staff-helpers';

// Issue 17, the case page to scan and safe actions, once with JavaScript and once without: the
// officer opens a case allocated to them and sees the summary at the top and the contents list;
// the one-click "Change RFA to SEC" now asks for confirmation and a reason (refused without one);
// confirmed, the type changes and the reason shows on the timeline, which a plain link filters to
// type changes. axe-core checks every page.

const RUN = runTag();

test.describe.configure({ timeout: 180_000 });

const PASSWORD = 'case page password 12';

/** Hands a concern in through the partner API; its reference. */
async function handIn(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/v1/cases', {
    headers: { authorization: `Bearer ${API_KEY}`, 'idempotency-key': `e2e-case-page-${Date.now()}-${Math.random()}` },
    data: {
      route: 'data_protection', today: '2026-03-02', subject_access: true, raised_on: '2026-01-20',
      organisation: { name: 'Example Telecoms Ltd', sector: 'telecoms' },
      customer: { name: 'Alex Jones', email: `case-page-${RUN}@example.org` },
      summary: 'I asked for my records in January and have heard nothing.',
      harm: 'I cannot check what they hold about me.',
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).reference;
}

/** Sifts the case to work queue 6 and allocates it to the officer, through the sift and work queue pages. */
async function siftAndAllocate(browser: Browser, info: TestInfo, reference: string, manager: string, officerName: string) {
  const ctx = await context(browser, info);
  const page = await ctx.newPage();
  try {
    await signIn(page, info, manager, PASSWORD, `/staff/sift/${reference}`);
    await expect(page.getByTestId('sift-form')).toBeVisible();
    await page.locator('input[name="case_type"][value="RFA"]').check();
    await page.locator('select#queue').selectOption('6');
    await page.getByRole('button', { name: 'Sift and route' }).click();
    await settled(page, info);
    await expect(page.getByText(`Case ${reference} is sifted and routed.`)).toBeVisible();
    await page.goto(`/staff/queues/6/${reference}`);
    await settled(page, info);
    const officerValue = await page.locator('select#officer option', { hasText: officerName }).getAttribute('value');
    await page.locator('select#officer').selectOption(officerValue || '');
    await page.getByRole('button', { name: 'Allocate', exact: true }).click();
    await settled(page, info);
    await expect(page.getByText(`Case ${reference} is allocated.`)).toBeVisible();
  } finally {
    await ctx.close();
  }
}

test('a type change asks for confirmation and a reason, which shows on the timeline', async ({ page, browser }, info) => {
  const reference = await handIn(page.request);
  const officerName = `Olu Officer ${info.project.name} ${RUN}`;
  const officer = who(info, 'case-page-officer');
  const manager = who(info, 'case-page-manager');

  await signIn(page, info, ADMIN_EMAIL, ADMIN_PASSWORD, '/staff/users/new');
  await addStaff(page, info, { name: officerName, email: officer, roles: ['Case officer'], password: PASSWORD });
  await addStaff(page, info, { name: `Sam Manager ${info.project.name} ${RUN}`, email: manager, roles: ['Advice service', 'Team manager'], password: PASSWORD });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await settled(page, info);
  await siftAndAllocate(browser, info, reference, manager, officerName);

  // The case page: the summary first, the contents list, every section reachable.
  await signIn(page, info, officer, PASSWORD, `/staff/cases/${reference}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reference);
  const glance = page.getByTestId('case-glance');
  await expect(glance.getByRole('heading', { name: 'At a glance' })).toBeVisible();
  await expect(glance.getByText('With a case officer')).toBeVisible();
  await expect(glance.getByText(officerName)).toBeVisible();
  const contents = page.getByTestId('case-contents');
  await expect(contents.getByRole('link', { name: 'Timeline' })).toHaveAttribute('href', '#timeline');
  await expectAccessible(page);

  // One click only proposes the change: the confirmation page says what will happen.
  await page.getByRole('button', { name: /^Change RFA to SEC/ }).click();
  await settled(page, info);
  await expect(page).toHaveURL(new RegExp(`/staff/cases/${reference}/confirm\\?action=type&to=SEC$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change the case type');
  await expect(page.getByTestId('confirm-about')).toContainText(`You are about to change case ${reference} from RFA`);
  await expect(page.getByText(/This will change what the case is/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cancel' })).toHaveAttribute('href', `/staff/cases/${reference}`);
  await expectAccessible(page);

  // Without a reason: refused, nothing changed.
  await page.getByRole('button', { name: 'Confirm' }).click();
  await settled(page, info);
  await expect(page.getByRole('link', { name: 'Enter why you are making this change' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error:/);
  await expectAccessible(page);

  // With the reason: changed, and the reason on the timeline.
  const reason = `Really about the security of the records ${RUN}`;
  await page.getByLabel('Why are you making this change?').fill(reason);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await settled(page, info);
  await expect(page.getByText('The case type has been changed.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reference);
  await expect(page.getByTestId('event').filter({ hasText: reason })).toBeVisible();
  await expectAccessible(page);

  // The timeline filtered to type changes with a plain link.
  await page.getByTestId('timeline-filter').getByRole('link', { name: /^Case type changed/ }).click();
  await settled(page, info);
  await expect(page).toHaveURL(/\?timeline=type_changed#timeline$/);
  await expect(page.getByTestId('event')).toHaveCount(1);
  await expect(page.getByTestId('event').first()).toContainText(reason);
  await expectAccessible(page);
});
