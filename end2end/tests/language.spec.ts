import { expect, test } from '@playwright/test';
import { expectAccessible, settled } from './helpers';

// Issue 20's switch, with JavaScript and without: a person switches to Welsh on the start page,
// the choice is remembered from page to page, mid-journey the switch keeps their place and their
// answer, and they switch back. axe-core checks each page (html-lang-valid, valid-lang).

test('a person switches to Welsh on the start page and back, keeping their place', async ({ page }, info) => {
  await page.goto('/');
  await settled(page, info);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: "Newid yr iaith i'r Gymraeg" }).click();
  await settled(page, info);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Codi pryder am eich hawliau gwybodaeth');
  await expectAccessible(page);

  // Remembered: the next page is Welsh too.
  await page.getByRole('button', { name: 'Dechrau nawr' }).click();
  await settled(page, info);
  await expect(page).toHaveURL(/\/concern\/about$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Am beth mae eich pryder?');
  await expectAccessible(page);

  // Switching back mid-question keeps the page, and the English link reads in English.
  await page.getByRole('link', { name: 'Change the language to English' }).click();
  await settled(page, info);
  await expect(page).toHaveURL(/\/concern\/about$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is your concern about?');
  await expectAccessible(page);
});
