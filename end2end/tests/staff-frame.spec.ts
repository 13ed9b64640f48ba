import { expect, Page, test, TestInfo } from '@playwright/test';
import { expectAccessible, settled } from './helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, addStaff, context, runTag, signIn, signOut, who } from './staff-helpers';

// The staff frame, once with JavaScript and once without: every staff page has a header with the
// staff service's own name ("Casework", in the title too), navigation for the areas the person's
// roles open with the current one marked, their name and sign out. At 390 px it wraps without
// horizontal scrolling; at 1280 px it is one line; every link is at least 24 px; axe-core is clean.

const RUN = runTag();
const PASSWORD = 'staff frame password 12';

test.describe.configure({ timeout: 120_000 });

const WIDTHS = [390, 1280];

/** The staff navigation. */
const nav = (page: Page) => page.getByRole('navigation', { name: 'Casework areas' });

/** The header, the title and the navigation at each width: no sideways scrolling, links big enough, axe clean. */
async function expectFrame(page: Page, info: TestInfo, name: string, current: string, shown: string[], hidden: string[]) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await settled(page, info);
    await expect(page).toHaveTitle(/ - Casework$/);
    await expect(page.locator('header .govuk-header__service-name')).toHaveText('Casework');
    await expect(page.locator('header')).not.toContainText('Raise a concern about your information rights');
    await expect(page.locator('header')).toContainText(name);
    await expect(page.locator('header').getByRole('button', { name: 'Sign out' })).toBeVisible();
    const links = nav(page).getByRole('link');
    for (const label of shown) await expect(nav(page).getByRole('link', { name: label, exact: true })).toBeVisible();
    for (const label of hidden) await expect(nav(page).getByRole('link', { name: label, exact: true })).toHaveCount(0);
    await expect(nav(page).getByRole('link', { name: current, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(nav(page).locator('[aria-current]')).toHaveCount(1);
    // No sideways scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
    // Every link a target of at least 24 by 24 px, inside the page.
    const count = await links.count();
    const tops = new Set<number>();
    for (let i = 0; i < count; i++) {
      const box = await links.nth(i).boundingBox();
      expect(box, `link ${i} at ${width} px`).not.toBeNull();
      if (!box) continue;
      expect(box.height).toBeGreaterThanOrEqual(24);
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      tops.add(Math.round(box.y));
    }
    if (width >= 1280) expect(tops.size, 'one line of links at 1280 px').toBe(1);
    await expectAccessible(page);
  }
}

test('the staff header names the staff service and shows the areas each person may open', async ({ page, browser }, info) => {
  // The admin: staff accounts, not cases.
  await signIn(page, info, ADMIN_EMAIL, ADMIN_PASSWORD, '/staff/users');
  await expect(page).toHaveURL(/\/staff\/users$/);
  await expectFrame(page, info, '', 'Users', ['My work', 'Users'], ['Cases', 'Work queues', 'Sift']);

  const officerName = `Fran Frame ${info.project.name} ${RUN}`;
  const officer = who(info, 'officer');
  await page.setViewportSize({ width: 1280, height: 900 });
  await addStaff(page, info, { name: officerName, email: officer, roles: ['Case officer'], password: PASSWORD });
  await signOut(page, info);

  // A case officer: cases and callbacks, not staff accounts.
  const ctx = await context(browser, info);
  const officerPage = await ctx.newPage();
  try {
    await signIn(officerPage, info, officer, PASSWORD, '/staff/cases');
    await expect(officerPage).toHaveURL(/\/staff\/cases$/);
    await expectFrame(officerPage, info, officerName, 'Cases', ['My work', 'Cases', 'Callbacks'], ['Users', 'Work queues']);
    // The navigation moves between areas, marking the new one.
    await officerPage.setViewportSize({ width: 390, height: 900 });
    await nav(officerPage).getByRole('link', { name: 'Callbacks', exact: true }).click();
    await expect(officerPage).toHaveURL(/\/staff\/callbacks$/);
    await expectFrame(officerPage, info, officerName, 'Callbacks', ['Cases'], ['Users']);
    await nav(officerPage).getByRole('link', { name: 'My work', exact: true }).click();
    await expect(officerPage).toHaveURL(/\/staff$/);
    await expectFrame(officerPage, info, officerName, 'My work', ['Cases'], ['Users']);
  } finally {
    await ctx.close();
  }
});
