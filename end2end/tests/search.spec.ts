import { APIRequestContext, expect, test } from '@playwright/test';
import { expectAccessible, settled } from './helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, API_KEY, addStaff, runTag, signIn, signOut, who } from './staff-helpers';

// The helpline's one search box (issue 17), once with JavaScript and once without: in the default
// "Anything" mode a surname typed with two letters swapped finds the case (any word of the name,
// one mistake forgiven), and so do the organisation's words. The surname is made for this run
// (letters only) so cases from other runs cannot answer. axe-core checks every page.

const PASSWORD = 'search password 1';

const RUN = runTag();

test.describe.configure({ timeout: 120_000 });

/** A surname of letters only, unique to this run and project. */
function surname(project: string): string {
  const letters = `${RUN}${project}`.replace(/[^a-z0-9]/gi, '').toLowerCase()
    .split('')
    .map((c) => (/[0-9]/.test(c) ? String.fromCharCode(97 + Number(c)) : c))
    .join('')
    .slice(0, 12);
  return `Walker${letters}`;
}

/** The word with its 2nd and 3rd letters swapped: one mistake ("Wlaker…"). */
function swapped(word: string): string {
  const chars = word.split('');
  [chars[1], chars[2]] = [chars[2], chars[1]];
  return chars.join('');
}

async function handIn(request: APIRequestContext, name: string, email: string): Promise<string> {
  const response = await request.post('/api/v1/cases', {
    headers: { authorization: `Bearer ${API_KEY}`, 'idempotency-key': `e2e-${Date.now()}-${Math.random()}` },
    data: {
      route: 'data_protection', today: '2026-03-02', subject_access: true, raised_on: '2026-01-20',
      organisation: { name: 'Leeds City Council', sector: 'telecoms' },
      customer: { name, email, phone: '07700 900321' },
      summary: 'I asked for my records in January and have heard nothing.',
      harm: 'I cannot check what they hold about me.',
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).reference;
}

test('the helpline finds a case by a surname typed with one wrong letter', async ({ page }, info) => {
  const family = surname(info.project.name);
  const reference = await handIn(page.request, `Alex ${family}`, `search-${info.project.name}-${RUN}@example.org`);
  const adviser = who(info, 'searcher');

  await signIn(page, info, ADMIN_EMAIL, ADMIN_PASSWORD, '/staff/users/new');
  await addStaff(page, info, { name: `Sa Search ${info.project.name} ${RUN}`, email: adviser, roles: ['Helpline'], password: PASSWORD });

  await signOut(page, info);
  const search = page;
  await signIn(search, info, adviser, PASSWORD, '/staff/helpline');
  await expect(search.getByRole('heading', { level: 1 })).toHaveText('Find a case for a caller');
  await expectAccessible(search);

  // "Anything" (the default), the surname with two letters swapped.
  const typed = swapped(family);
  expect(typed).not.toBe(family);
  await search.getByLabel('Reference, name, email address or phone number').fill(typed);
  await search.getByRole('button', { name: 'Search' }).click();
  await settled(search, info);
  await expect(search).toHaveURL(/\/staff\/helpline\?q=/);
  const results = search.locator('table#results');
  await expect(results.getByRole('link', { name: reference })).toBeVisible();
  await expect(results).toContainText(`Alex ${family}`);
  await expectAccessible(search);

  // The whole name finds it too, and the result opens the case's summary.
  await search.getByLabel('Reference, name, email address or phone number').fill(`alex ${family.toLowerCase()}`);
  await search.getByRole('button', { name: 'Search' }).click();
  await settled(search, info);
  await results.getByRole('link', { name: reference }).click();
  await expect(search).toHaveURL(new RegExp(`/staff/helpline/${reference}$`));
  await settled(search, info);
  await expect(search.getByRole('heading', { level: 1 })).toHaveText(reference);
  await expectAccessible(search);
});
