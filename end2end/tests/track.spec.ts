import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, settled, waitForMail } from './helpers';
import {
  ADMIN_EMAIL, ADMIN_PASSWORD, addStaff, context, handInConcern, runTag, signIn, signOut, siftAndAllocate, who,
} from './staff-helpers';

// Track my case (issue 21), with and without JavaScript (the two projects): a person who handed
// a concern in asks for a link, opens its status from the email, sees the expected wait and how
// it was worked out, adds a document, and the officer sees it on the case; a wrong pair gets the
// neutral message. Needs the SMTP sink of `.ci/e2e` (PORTAL_E2E_MAILDIR).

test.setTimeout(120_000);

test('a person follows their case from the emailed link and adds a document the officer sees', async ({ browser, page, request }, info) => {
  const tag = runTag();
  const email = `track-${info.project.name}-${tag}@example.org`;
  const reference = await handInConcern(request, { name: 'Robin Track', email });

  // A wrong pair: the neutral message, at the field, axe clean.
  await page.goto('/track');
  await settled(page, info);
  await expectAccessible(page);
  await page.getByLabel('Case reference').fill(reference);
  await page.getByLabel('Email address').fill(`someone-else-${tag}@example.org`);
  await page.getByRole('button', { name: 'Show my case' }).click();
  await settled(page, info);
  await expect(page.locator('.govuk-error-summary')).toContainText('We cannot show a case for that reference and email address');
  await expectAccessible(page);

  // "Email me a link" answers with the same page whatever was typed, and the link arrives.
  await page.getByLabel('Case reference').fill(reference);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a link instead' }).click();
  await settled(page, info);
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expectAccessible(page);
  const asked = await waitForMail(`Your link to track case ${reference}`);
  expect(asked.body).toMatch(/\/track\/link\/[0-9a-f]{64}/);

  // The acknowledgement carries a one-use "follow your case" link: it opens the case (its page's
  // button uses it once).
  const acknowledgement = await waitForMail(`[Ref. ${reference}] We have received your concern`);
  expect(acknowledgement.body).toContain('Follow your case online');
  const link = acknowledgement.body.match(/https?:\/\/\S+\/track\/link\/[0-9a-f]{64}/)?.[0];
  expect(link).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await settled(page, info);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Open my case' }).click();
  await settled(page, info);
  await expect(page).toHaveURL(/\/track\/case/);
  await expect(page.getByRole('heading', { name: `Your case ${reference}` })).toBeVisible();
  await expect(page.getByTestId('stage')).toContainText('Received');
  await expectAccessible(page);

  // Adds a document.
  await page.getByLabel('What do you want to add?').fill(`The organisation wrote to me (${tag}).`);
  await page.getByLabel('Add a document (optional)').setInputFiles(fixture('letter.pdf'));
  await page.getByRole('button', { name: 'Add to my case' }).click();
  await settled(page, info);
  await expect(page.getByText('We have added your information to your case')).toBeVisible();
  await expectAccessible(page);

  // The officer sees it on the case (the case sifted to queue 6 and allocated first).
  const staffPassword = 'track officer password 1';
  const manager = who(info, `track-manager-${tag}`);
  const officer = who(info, `track-officer-${tag}`);
  const adminCtx = await context(browser, info);
  const admin = await adminCtx.newPage();
  await signIn(admin, info, ADMIN_EMAIL, ADMIN_PASSWORD, '/staff/users/new');
  await addStaff(admin, info, { name: `Track Manager ${tag}`, email: manager, roles: ['Team manager', 'Advice service'], password: staffPassword });
  await addStaff(admin, info, { name: `Track Officer ${tag}`, email: officer, roles: ['Case officer'], password: staffPassword });
  await signOut(admin, info);
  await adminCtx.close();
  await siftAndAllocate(browser, info, reference, manager, staffPassword, `Track Officer ${tag}`);
  const officerCtx = await context(browser, info);
  const officerPage = await officerCtx.newPage();
  await signIn(officerPage, info, officer, staffPassword, `/staff/cases/${reference}`);
  await expect(officerPage.getByText(`The organisation wrote to me (${tag}).`)).toBeVisible();
  await expect(officerPage.getByText('Information added by the customer').first()).toBeVisible();
  await officerCtx.close();

  // Back on the status page: with an officer now; the wait section shows only while waiting.
  await page.goto('/track/case');
  await settled(page, info);
  await expect(page.getByTestId('stage')).toContainText('With a case officer');
});

test('a case waiting in a queue shows the expected wait and how it was worked out', async ({ browser, page, request }, info) => {
  const tag = runTag();
  const email = `wait-${info.project.name}-${tag}@example.org`;
  const reference = await handInConcern(request, { name: 'Sam Wait', email });
  // Sifted to queue 6 but not allocated: waiting for an officer.
  const staffPassword = 'track manager password 1';
  const manager = who(info, `wait-manager-${tag}`);
  const adminCtx = await context(browser, info);
  const admin = await adminCtx.newPage();
  await signIn(admin, info, ADMIN_EMAIL, ADMIN_PASSWORD, '/staff/users/new');
  await addStaff(admin, info, { name: `Wait Manager ${tag}`, email: manager, roles: ['Team manager', 'Advice service'], password: staffPassword });
  await signOut(admin, info);
  await adminCtx.close();
  const staffCtx = await context(browser, info);
  const staffPage = await staffCtx.newPage();
  await signIn(staffPage, info, manager, staffPassword, `/staff/sift/${reference}`);
  await staffPage.locator('input[name="case_type"][value="RFA"]').check();
  await staffPage.locator('select#queue').selectOption('6');
  await staffPage.getByRole('button', { name: 'Sift and route' }).click();
  await settled(staffPage, info);
  await staffCtx.close();

  await page.goto('/track');
  await settled(page, info);
  await page.getByLabel('Case reference').fill(reference);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Show my case' }).click();
  await settled(page, info);
  await expect(page.getByTestId('stage')).toContainText('Waiting for a case officer');
  await expect(page.getByRole('heading', { name: 'How long you may wait for a case officer' })).toBeVisible();
  await expect(page.getByTestId('wait')).toBeVisible();
  await page.getByText('How we worked this out').click();
  await expect(page.locator('.govuk-details__text')).toContainText(/full weeks/);
  await expectAccessible(page);
});
