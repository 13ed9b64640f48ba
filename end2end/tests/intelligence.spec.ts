import { expect, Page, test, TestInfo } from '@playwright/test';
import { expectAccessible, settled } from './helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './staff-helpers';

// The repeat-offender intelligence, once with JavaScript and once without: reports arrive through
// the partner API, the admin (created by .ci/test with `server create-admin`) signs in, sees the
// most reported number first, opens it (trend, categories, reports), and adds a report received
// by letter — first with a mistake the error summary links to. axe-core checks every page.


test.describe.configure({ timeout: 120_000 });

/** A number in the 0909 879 0xxx range libphonenumber accepts, new for each project and run. */
const RUN = Math.floor(Math.random() * 500);
const numberFor = (info: TestInfo) =>
  `09098790${String(RUN + (info.project.name === 'javascript' ? 0 : 500)).padStart(3, '0')}`;

async function report(page: Page, number: string, times: number) {
  for (let i = 0; i < times; i++) {
    const response = await page.request.post('/api/v1/nuisance-reports', {
      headers: { authorization: 'Bearer local-development-key' },
      data: {
        incidents: [{
          channel: 'automated_call', day: '1', month: '3', year: '2026', hour: '10', minute: `${10 + i}`,
          sender: number, contacted_on: '020 7946 0123', company: 'Prize Line Ltd',
          categories: ['lottery_prizes'], scam: 'no', relationship: 'none', preference_service: 'yes',
        }],
      },
    });
    expect(response.status()).toBe(201);
  }
}

test('staff see the most reported number, open it, and add a report received by letter', async ({ page }, info) => {
  const number = numberFor(info);
  // Shown as people write it (issue 18): 0909 879 0123.
  const shown = number.replace(/^(\d{4})(\d{3})(\d{4})$/, '$1 $2 $3');
  await report(page, number, 12);

  await page.goto('/staff/nuisance');
  await expect(page).toHaveURL(/\/staff\/sign-in\?next=/);
  await page.getByLabel('Email address').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/^[^?]*\/staff\/nuisance$/);
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Repeat offenders');
  // The row of this project's number: 12 reports in the period (the ranking's order against other
  // offenders is tested through HTTP in server/tests/integration/nuisance_intel.rs).
  const row = page.locator('table tbody tr', { hasText: shown });
  await expect(row.locator('td').nth(3)).toHaveText('12');
  await expectAccessible(page);

  // Numbers only, last 7 days: a GET form, so the view is a link.
  await page.getByLabel('Last 7 days').check();
  await page.getByLabel('Offender').selectOption('number');
  await page.getByRole('button', { name: 'Show offenders' }).click();
  await expect(page).toHaveURL(/period=7/);
  await settled(page, info);
  await expect(page.locator('table tbody tr', { hasText: shown }).locator('td').nth(2)).toHaveText('Phone number');
  await expect(page.locator('table tbody tr', { hasText: 'Company or brand' })).toHaveCount(0);
  await expectAccessible(page);

  // A custom period that ends before it starts: the error summary links to the field.
  await page.getByLabel('Dates I choose').check();
  await page.getByLabel('From', { exact: true }).fill('2026-03-01');
  await page.getByLabel('To', { exact: true }).fill('2026-02-01');
  await page.getByRole('button', { name: 'Show offenders' }).click();
  await settled(page, info);
  await expect(page.getByRole('link', { name: 'The start date must be the same as or before the end date' })).toHaveAttribute('href', '#from');
  await expectAccessible(page);

  await page.goto('/staff/nuisance?period=30');
  await settled(page, info);
  await page.getByRole('link', { name: shown }).first().click();
  await expect(page).toHaveURL(/\/staff\/nuisance\/offenders\/\d+/);
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(shown);
  await expect(page.getByText('Reports week by week')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Lottery, prize draws or competitions' })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/staff/nuisance/add');
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a report received another way');
  await expectAccessible(page);
  await page.getByLabel('A live call (a person on the line)').check();
  await page.getByLabel('Day', { exact: true }).fill('30');
  await page.getByLabel('Month', { exact: true }).fill('2');
  await page.getByLabel('Year', { exact: true }).fill('2026');
  await page.getByLabel('Who contacted them').fill(number);
  await page.getByRole('button', { name: 'Add report' }).click();
  await settled(page, info);
  await expect(page.getByText('There is a problem')).toBeVisible();
  await expect(page.getByRole('link', { name: 'The date must be a real date, for example 27 3 2026' })).toHaveAttribute('href', '#when-day');
  await expectAccessible(page);

  await page.getByLabel('Day', { exact: true }).fill('27');
  await page.getByLabel('The number or email address they were contacted on').fill('020 7946 0123');
  await page.getByLabel('Lottery, prize draws or competitions').check();
  await page.getByRole('group', { name: 'Did it ask for money or bank details, or pretend to be someone else?' }).getByLabel('No', { exact: true }).check();
  await page.getByLabel('No, I have never dealt with them').check();
  await page.getByRole('group', { name: /Telephone \(or Fax\) Preference Service/ }).getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Add report' }).click();
  await expect(page).toHaveURL(/\/staff\/nuisance\/add\?added=\d+/);
  await settled(page, info);
  await expect(page.getByText(/Report \d+ added/)).toBeVisible();
  await expectAccessible(page);
});
