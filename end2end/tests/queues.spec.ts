import { expect, test } from '@playwright/test';
import { expectAccessible, settled } from './helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, API_KEY, addStaff, runTag, signIn, signOut } from './staff-helpers';

// A team manager opens the work queue "RFA DPA local government" (queue 13) by its name, filters
// it by organisation and service level (overdue, then on time), sorts it and keeps the filters
// across the sort; once with JavaScript and once without; axe-core checks every page.

const RUN = runTag();
const QUEUE = 'RFA DPA local government (work queue 13)';

test.describe.configure({ timeout: 180_000 });

test('a manager filters the local government queue to overdue cases', async ({ page }, info) => {
  const organisation = `Queueton ${info.project.name} ${RUN} Council`;
  const response = await page.request.post('/api/v1/cases', {
    headers: { authorization: `Bearer ${API_KEY}`, 'idempotency-key': `e2e-queue-${Date.now()}-${Math.random()}` },
    data: {
      route: 'data_protection', today: '2026-03-02', subject_access: true, raised_on: '2026-01-20',
      organisation: { name: organisation, sector: 'local_government' },
      customer: { name: 'Robin Walker', email: `robin-${info.project.name}-${RUN}@example.org` },
      summary: 'I asked the council for my records and heard nothing back.',
      harm: 'I cannot check what they hold.',
    },
  });
  expect(response.status()).toBe(201);
  const reference: string = (await response.json()).reference;
  const manager = `queues-${info.project.name}-${RUN}@example.gov.uk`;

  await signIn(page, info, ADMIN_EMAIL, ADMIN_PASSWORD, '/staff/users/new');
  await addStaff(page, info, {
    name: `Queue manager ${info.project.name} ${RUN}`, email: manager, roles: ['Advice service', 'Team manager'],
    password: 'casework password 1',
  });
  await signOut(page, info);

  // Sift the case to queue 13, chosen by its name.
  await signIn(page, info, manager, 'casework password 1', `/staff/sift/${reference}`);
  await expect(page.locator('select#queue option[value="13"]')).toHaveText(QUEUE);
  await page.locator('select#queue').selectOption('13');
  await page.getByRole('button', { name: 'Sift and route' }).click();
  await settled(page, info);
  await expect(page.getByText(`Case ${reference} is sifted and routed.`)).toBeVisible();

  // The queues by name; queue 13 opened by its name.
  await page.goto('/staff/queues');
  await settled(page, info);
  await expectAccessible(page);
  await page.getByRole('link', { name: QUEUE, exact: true }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(QUEUE);
  await expect(page.getByTestId('queue-showing')).toContainText(/Showing 1 to \d+ of [\d,]+ cases/);
  await expectAccessible(page);

  // Filtered to this organisation's overdue cases: none yet (first contact is due 16 March).
  const filters = page.getByTestId('queue-filters');
  await filters.getByLabel('Organisation name contains').fill(organisation);
  await filters.getByLabel('Service level').selectOption('overdue');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await settled(page, info);
  await expect(page).toHaveURL(/level=overdue/);
  await expect(page).toHaveURL(/organisation=/);
  await expect(filters.getByLabel('Service level')).toHaveValue('overdue');
  await expect(page.getByTestId('queue-case').filter({ hasText: reference })).toHaveCount(0);
  await expect(page.getByText('There are no open cases in this queue.')).toBeVisible();
  await expectAccessible(page);

  // Every overdue case in the queue shows as overdue.
  await filters.getByLabel('Organisation name contains').fill('');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await settled(page, info);
  const overdueRows = page.getByTestId('queue-case');
  const shown = await overdueRows.count();
  for (let i = 0; i < shown; i++) {
    await expect(overdueRows.nth(i).locator('[data-level]')).toHaveText('Overdue');
  }

  // On time: the case, with its next deadline and customer.
  await filters.getByLabel('Organisation name contains').fill(organisation);
  await filters.getByLabel('Service level').selectOption('on_time');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await settled(page, info);
  const row = page.getByTestId('queue-case').filter({ hasText: reference });
  await expect(row).toContainText('16 March 2026');
  await expect(row).toContainText('Robin Walker');
  await expect(row).toContainText('On time');
  await expect(page.getByTestId('queue-showing')).toHaveText('Showing 1 to 1 of 1 cases');
  await expectAccessible(page);

  // Sorting keeps the filters; the sorted column says so.
  await page.getByRole('link', { name: 'Customer', exact: true }).click();
  await settled(page, info);
  await expect(page).toHaveURL(/sort=customer.*level=on_time.*organisation=/);
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Customer');
  await expect(page.getByTestId('queue-case').filter({ hasText: reference })).toHaveCount(1);
  await expectAccessible(page);
});
