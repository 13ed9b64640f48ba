import { expect, test } from '@playwright/test';
import { expectAccessible, settled } from './helpers';
import { addStaff, ADMIN_EMAIL, ADMIN_PASSWORD, handInConcern, runTag, siftAndAllocate, signIn, who } from './staff-helpers';

// Issue 17, the case page to scan and safe actions, once with JavaScript and once without: the
// officer opens a case allocated to them and sees the summary at the top and the contents list;
// the one-click "Change RFA to SEC" now asks for confirmation and a reason (refused without one);
// confirmed, the type changes and the reason shows on the timeline, which a plain link filters to
// type changes. axe-core checks every page.

const RUN = runTag();

test.describe.configure({ timeout: 180_000 });

const PASSWORD = 'case page password 12';



test('a type change asks for confirmation and a reason, which shows on the timeline', async ({ page, browser }, info) => {
  const reference = await handInConcern(page.request, { name: 'Alex Jones', email: `case-page-${RUN}@example.org` });
  const officerName = `Olu Officer ${info.project.name} ${RUN}`;
  const officer = who(info, 'case-page-officer');
  const manager = who(info, 'case-page-manager');

  await signIn(page, info, ADMIN_EMAIL, ADMIN_PASSWORD, '/staff/users/new');
  await addStaff(page, info, { name: officerName, email: officer, roles: ['Case officer'], password: PASSWORD });
  await addStaff(page, info, { name: `Sam Manager ${info.project.name} ${RUN}`, email: manager, roles: ['Advice service', 'Team manager'], password: PASSWORD });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await settled(page, info);
  await siftAndAllocate(browser, info, reference, manager, PASSWORD, officerName);

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
  // Where it stands is on the first screen, at a desktop's and a phone's width; the page's
  // height is printed for the note (it was about 4,970 px, with nothing to jump by).
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const box = await glance.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeLessThan(900);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`case page at ${width} px (${info.project.name}): ${height} px tall, summary at ${Math.round(box!.y)} px`);
  }
  await page.setViewportSize({ width: 1280, height: 720 });

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
