import { expect, test } from '@playwright/test';
import { expectAccessible, jsEnabled } from './helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './staff-helpers';

// On a slow phone the page's HTML arrives long before any code. A page's fields are plain HTML
// that no code takes over: what a person types is theirs from the first moment. (What is typed
// into a field with a character count before its island wakes is tested with the count.)

test('a page without an island loads no code, and what is typed is kept and signs in', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'only with JavaScript: without it there is no code to load');
  const code: string[] = [];
  page.on('request', (request) => {
    if (/\.(wasm|js)$/.test(new URL(request.url()).pathname)) code.push(request.url());
  });

  await page.goto('/staff/sign-in?next=/staff', { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Email address').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByLabel('Email address')).toHaveValue(ADMIN_EMAIL);
  await expect(page.getByLabel('Password')).toHaveValue(ADMIN_PASSWORD);
  expect(code).toEqual([]);

  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/^[^?]*\/staff$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff home');
  await expectAccessible(page);
});
