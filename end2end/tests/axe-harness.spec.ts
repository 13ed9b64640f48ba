import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers';

// The accessibility check every journey relies on can fail: a page with an image without a text
// alternative and an unlabelled field is refused, with and without JavaScript (without it, the
// page's copy is audited in the twin page).
test('the accessibility check refuses a page with an image without alt text and an unlabelled field', async ({ page }) => {
  await page.goto('/health');
  await page.setContent(
    '<!DOCTYPE html><html lang="en"><head><title>Broken</title></head><body><main>' +
      '<h1>Broken</h1><img src="/favicon.ico"><form><input type="text" name="q"></form></main></body></html>',
  );
  const check = expectAccessible(page);
  await expect(check).rejects.toThrow(/image-alt/);
  await expect(expectAccessible(page)).rejects.toThrow(/label/);
});
