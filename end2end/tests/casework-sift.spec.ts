import { expect, test } from '@playwright/test';
import { expectAccessible, settled } from './helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, API_KEY, addStaff, runTag, signIn, signOut } from './staff-helpers';

// The sift list, a work queue, the allocation page's refusals and the exception reports, once with
// JavaScript and once without; axe-core checks every page.

const RUN = runTag();

test.describe.configure({ timeout: 180_000 });

test('the sift list, a work queue and the exception reports', async ({ page }, info) => {
  const response = await page.request.post('/api/v1/cases', {
    // Required: one key per concern (a retry with it cannot make a second case).
    headers: { authorization: `Bearer ${API_KEY}`, 'idempotency-key': `e2e-${Date.now()}-${Math.random()}` },
    data: {
      route: 'data_protection', today: '2026-03-02', subject_access: true, raised_on: '2026-01-20',
      organisation: { name: 'Example Telecoms Ltd', sector: 'telecoms' },
      customer: { name: 'Sam Smith', email: `sam-${info.project.name}-${RUN}@example.org` },
      summary: 'I asked for my records and heard nothing back.',
      harm: 'I cannot check what they hold.',
    },
  });
  expect(response.status()).toBe(201);
  const reference: string = (await response.json()).reference;
  const manager = `sifter-${info.project.name}-${RUN}@example.gov.uk`;

  await signIn(page, info, ADMIN_EMAIL, ADMIN_PASSWORD, '/staff/users/new');
  await addStaff(page, info, {
    name: `Sifter ${info.project.name} ${RUN}`, email: manager, roles: ['Advice service', 'Team manager'],
    password: 'casework password 1',
  });
  await signOut(page, info);

  // The staff home links to the three areas; the sift list has the new case and its clock.
  await signIn(page, info, manager, 'casework password 1', '/staff');
  for (const name of ['The sift list: new cases to route', 'Work queues: allocate cases', 'Exception reports']) {
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
  await page.getByRole('link', { name: 'The sift list: new cases to route' }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The sift list');
  const row = page.getByTestId('sift-case').filter({ hasText: reference });
  await expect(row).toContainText('5 March 2026');
  await expect(page.getByRole('link', { name: 'Correspondence that found no case' })).toBeVisible();
  await expectAccessible(page);

  // Sifting without a queue is refused, the summary linking to the field; then routed to 6.
  await row.getByRole('link', { name: reference }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Sift case ${reference}`);
  await expectAccessible(page);
  await page.locator('select#queue').selectOption('');
  await page.getByRole('button', { name: 'Sift and route' }).click();
  await settled(page, info);
  await expect(page.locator('.govuk-error-summary').getByRole('link', { name: 'Choose a work queue' })).toHaveAttribute('href', '#queue');
  await expectAccessible(page);
  await page.locator('select#queue').selectOption('6');
  await page.getByRole('button', { name: 'Sift and route' }).click();
  await settled(page, info);
  await expect(page.getByText(`Case ${reference} is sifted and routed.`)).toBeVisible();

  // The queues, queue 6 with the case's service levels, and a move refused without a reason.
  await page.goto('/staff/queues');
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Work queues');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'PECR, RFA DPA telecoms, direct marketing concerns (work queue 6)', exact: true }).click();
  await settled(page, info);
  const queued = page.getByTestId('queue-case').filter({ hasText: reference });
  await expect(queued).toContainText('16 March 2026');
  await expectAccessible(page);
  await queued.getByRole('link', { name: reference }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Allocate case ${reference}`);
  await expectAccessible(page);
  await page.locator('select#to').selectOption('8');
  await page.getByRole('button', { name: 'Move the case' }).click();
  await settled(page, info);
  await expect(page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter a reason' })).toHaveAttribute('href', '#move-reason');
  await expectAccessible(page);

  // The exception reports.
  await page.goto('/staff/exceptions');
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exception reports');
  await expect(page.getByRole('link', { name: 'Download the cases past their service levels (CSV)' })).toBeVisible();
  await expectAccessible(page);
});
