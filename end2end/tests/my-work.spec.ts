import { expect, test } from '@playwright/test';
import { expectAccessible, settled } from './helpers';
import { addStaff, ADMIN_EMAIL, ADMIN_PASSWORD, handInConcern, runTag, siftAndAllocate, signIn, who } from './staff-helpers';

// The staff home's "my work", once with JavaScript and once without: a concern handed in through
// the partner API is sifted and allocated to an officer; the officer signs in, finds the case on
// their home page (not by typing its reference), sorts the list by another column with a plain
// link, and opens the case. axe-core checks every page.

const RUN = runTag();

test.describe.configure({ timeout: 180_000 });

const PASSWORD = 'my work password 12';



test('an officer finds the case allocated to them on their home page and opens it', async ({ page, browser }, info) => {
  const first = await handInConcern(page.request, { name: `Zoe Jones ${RUN}`, email: `my-work-${RUN}@example.org` });
  const second = await handInConcern(page.request, { name: `Bea Adams ${RUN}`, email: `my-work-${RUN}@example.org` });
  const officerName = `Olu Officer ${info.project.name} ${RUN}`;
  const officer = who(info, 'officer');
  const manager = who(info, 'manager');

  await signIn(page, info, ADMIN_EMAIL, ADMIN_PASSWORD, '/staff/users/new');
  await addStaff(page, info, { name: officerName, email: officer, roles: ['Case officer'], password: PASSWORD });
  await addStaff(page, info, { name: `Sam Manager ${info.project.name} ${RUN}`, email: manager, roles: ['Advice service', 'Team manager'], password: PASSWORD });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await settled(page, info);
  await siftAndAllocate(browser, info, first, manager, PASSWORD, officerName);
  await siftAndAllocate(browser, info, second, manager, PASSWORD, officerName);

  // The officer's home lists both cases, by next deadline, with their service levels.
  await signIn(page, info, officer, PASSWORD, '/staff');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff home');
  await expect(page.getByRole('heading', { name: 'My cases' })).toBeVisible();
  const cases = page.getByTestId('work-cases');
  await expect(cases.getByRole('link', { name: first, exact: true })).toBeVisible();
  await expect(cases.getByRole('link', { name: second, exact: true })).toBeVisible();
  await expect(cases.getByText(`Zoe Jones ${RUN}`)).toBeVisible();
  await expect(cases.locator('th[aria-sort="ascending"]')).toHaveText('Next deadline');
  await expect(page.getByRole('heading', { name: 'Open work items' })).toBeVisible();
  await expect(page.getByTestId('work-items').getByRole('link', { name: first, exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Callbacks due' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'New correspondence' })).toBeVisible();
  // The reference box is still there.
  await expect(page.getByLabel('Case reference')).toBeVisible();
  await expectAccessible(page);

  // Sorted by customer with a plain link: Bea Adams's case (handed in second) comes first.
  await cases.getByRole('link', { name: 'Customer', exact: true }).click();
  await expect(page).toHaveURL(/\/staff\?sort=customer$/);
  await settled(page, info);
  const sorted = page.getByTestId('work-cases');
  await expect(sorted.locator('th[aria-sort="ascending"]')).toHaveText('Customer');
  await expect(sorted.getByTestId('work-case').first()).toContainText(second);
  await expectAccessible(page);

  // The work items sort by their own column headers, keeping the cases' sort.
  await page.getByTestId('work-items').getByRole('link', { name: 'Case', exact: true }).click();
  await expect(page).toHaveURL(/\/staff\?sort=customer&items_sort=reference#work-items$/);
  await settled(page, info);
  await expect(page.getByTestId('work-items').locator('th[aria-sort="ascending"]')).toHaveText('Case');
  await expect(page.getByTestId('work-cases').locator('th[aria-sort="ascending"]')).toHaveText('Customer');
  await expectAccessible(page);

  // Opens the case from the list.
  await sorted.getByRole('link', { name: first, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/cases/${first}$`));
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(first);
  await expectAccessible(page);
});
