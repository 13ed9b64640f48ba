import { expect, test } from '@playwright/test';
import { expectAccessible, jsEnabled } from './helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './staff-helpers';

// On a slow phone the page's HTML arrives long before its WebAssembly: what a person types in
// that time must survive the page becoming interactive. The WebAssembly is held back here until
// the fields are filled in, then released.


test('what is typed before the page is interactive is kept, and signing in works', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'only with JavaScript: without it there is nothing to wait for');
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/pkg/*.wasm', async (route) => {
    await held;
    await route.continue();
  });

  await page.goto('/staff/sign-in?next=/staff', { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Email address').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await expect(page.locator('body')).not.toHaveAttribute('data-hydrated', 'true');
  release();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByLabel('Email address')).toHaveValue(ADMIN_EMAIL);
  await expect(page.getByLabel('Password')).toHaveValue(ADMIN_PASSWORD);

  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/^[^?]*\/staff$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff home');
  await expectAccessible(page);
});
