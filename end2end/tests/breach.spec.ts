import { expect, test } from '@playwright/test';
import { expectAccessible, settled } from './helpers';

// The breach self-assessment, with and without JavaScript: one question per page (plain GET
// forms, the answers in the address), an unanswered question's error linked from the summary,
// "no need to report" with a record to keep, and changing an answer to "likely" makes it
// reportable within 72 hours. axe-core checks every page.

test('an organisation checks whether a breach must be reported, keeps the record, then changes an answer', async ({ page }, info) => {
  await page.goto('/report-breach');
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report a personal data breach');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page).toHaveURL(/\/report-breach\/assess$/);
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Did the incident involve personal data?');
  await expectAccessible(page);

  // Continue without an answer: the error summary links to the radios.
  await page.getByRole('button', { name: 'Continue' }).click();
  await settled(page, info);
  await expect(page).toHaveTitle(/^Error:/);
  await expect(page.locator('.govuk-error-summary a[href="#value"]')).toHaveText('Select whether the incident involved personal data');
  await expectAccessible(page);

  await page.getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Did a breach of security lead to personal data');
  await expectAccessible(page);
  await page.getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('likely to result in a risk');
  await page.getByLabel('No, it is unlikely').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not need to report this to us');
  await expect(page.getByText('You must still keep a record of it')).toBeVisible();
  await expectAccessible(page);

  // The record to keep: a text file with the answers and the reason.
  const download = await page.request.get(
    await page.getByRole('link', { name: 'Download a record of this assessment' }).getAttribute('href') ?? '',
  );
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toMatch(/attachment; filename="breach-assessment-2026-03-02\.txt"/);
  const record = await download.text();
  expect(record).toContain('Assessed on 2 March 2026');
  expect(record).toContain('No, it is unlikely');
  expect(record).toContain('Add to your breach log');

  // Change one answer from "your answers": the question comes back with its answer chosen.
  await page.getByRole('link', { name: /^Change .*likely to result in a risk/ }).click();
  await settled(page, info);
  await expect(page.getByLabel('No, it is unlikely')).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel('Yes, it is likely').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You need to report this breach');
  await expect(page.getByText('Report it to us within 72 hours of becoming aware of it.')).toBeVisible();
  await expect(page.getByText('0303 123 1113')).toBeVisible();
  await expectAccessible(page);

  // A changed first answer asks the later questions again; "I do not know" reports as a precaution.
  await page.getByRole('link', { name: /^Change .*involve personal data/ }).click();
  await settled(page, info);
  await page.getByLabel('I do not know').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Did a breach of security lead to personal data');
  await expect(page.getByLabel('Yes')).not.toBeChecked();
  await page.getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await settled(page, info);
  await page.getByLabel('Yes, it is likely').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await settled(page, info);
  await expect(page.getByText('If you are unsure, report it')).toBeVisible();

  // Back from the first question is the start page.
  await page.getByRole('link', { name: /^Change .*involve personal data/ }).click();
  await settled(page, info);
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report a personal data breach');
});
