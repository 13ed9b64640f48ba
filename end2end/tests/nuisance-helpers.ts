import { expect, Page, TestInfo } from '@playwright/test';
import { expectAccessible, settled } from './helpers';
import { wordsFor } from './i18n';

// The nuisance reporting journey's pages and the answers to one call or message, shared by the
// journey's tests (nuisance.spec.ts), the last mile's (last-mile-b.spec.ts) and the Welsh ones
// (welsh.spec.ts): the English words are written here, and read in Welsh on a Welsh page.

export type Channel = 'text' | 'live_call' | 'automated_call' | 'email' | 'fax';

export const CHANNEL_LABEL: Record<Channel, string> = {
  text: 'A text message',
  live_call: 'A live call (a person on the line)',
  automated_call: 'An automated call (a recorded message)',
  email: 'An email',
  fax: 'A fax',
};

export const HEADINGS: Record<string, string> = {
  channel: 'How did they contact you?',
  'silent-or-abandoned': 'Was the call silent, or did it hang up when you answered?',
  when: 'When did it happen?',
  sender: 'Who contacted you?',
  'contacted-on': 'Which number or email address were you contacted on?',
  'message-text': 'What did the message say?',
  'advertised-number': 'Did the recording ask you to call a number?',
  'email-evidence': 'Upload the email or paste its headers',
  company: 'Which company or brand was named?',
  categories: 'What was it about?',
  scam: 'Did it ask for money or bank details, or pretend to be someone it was not?',
  relationship: 'Had you agreed to hear from them, or are you a customer?',
  description: 'Is there anything else you want to tell us?',
  'check-incident': 'Check this call or message',
  another: 'Do you want to report another call or message?',
  'your-details': 'Your details',
  check: 'Check your answers before sending your report',
  'silent-call': 'Report silent or abandoned calls to Ofcom',
};

/** Waits for a journey page (its address and heading), then audits it. */
export async function arrive(page: Page, info: TestInfo, slug: string, heading?: string) {
  await expect(page).toHaveURL(new RegExp(`/report-nuisance/${slug}(\\?.*)?$`));
  await settled(page, info);
  const words = await wordsFor(page);
  const title = heading ?? HEADINGS[slug];
  if (title) await expect(page.getByRole('heading', { level: 1 })).toHaveText(words(title));
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expectAccessible(page);
}

export async function press(page: Page, name = 'Continue') {
  const words = await wordsFor(page);
  await page.getByRole('button', { name: words(name), exact: true }).click();
}

/** One call or message's answers; what a channel does not ask is left out. */
export interface IncidentAnswers {
  channel: Channel;
  sender: string;
  /** For a text message. */
  messageText?: string;
  /** For an automated call ('' for "no number"). */
  advertisedNumber?: string;
  /** For an email: the `.eml` file uploaded. */
  eml?: string;
  company: string;
  /** Not asked for a fax. */
  scam: 'Yes' | 'No';
  /** Asked for calls and faxes. */
  preferenceService: 'Yes' | 'No';
  description?: string;
  /** Checks made on arriving at a page (its slug), before it is answered. */
  checks?: Record<string, (page: Page) => Promise<void>>;
}

/** Answers one call or message from the channel page to "Check this call or message". */
export async function answerIncident(page: Page, info: TestInfo, answers: IncidentAnswers) {
  const { channel } = answers;
  const words = await wordsFor(page);
  const at = async (slug: string, heading?: string) => {
    await arrive(page, info, slug, heading);
    await answers.checks?.[slug]?.(page);
  };
  await page.getByLabel(words(CHANNEL_LABEL[channel]), { exact: true }).check();
  await press(page);
  if (channel === 'live_call') {
    await at('silent-or-abandoned');
    await page.getByLabel(words('No'), { exact: true }).check();
    await press(page);
  }
  await at('when');
  await page.getByLabel(words('Day')).fill('1');
  await page.getByLabel(words('Month')).fill('3');
  await page.getByLabel(words('Year')).fill('2026');
  await page.getByLabel(words('Hour')).fill('9');
  await page.getByLabel(words('Minute')).fill('15');
  await press(page);
  await at('sender');
  await page.locator('#sender').fill(answers.sender);
  await press(page);
  await at('contacted-on');
  await page.locator('#contacted_on').fill(channel === 'email' ? 'me@example.org' : '07912 345678');
  await press(page);
  if (channel === 'text') {
    await at('message-text');
    await page.locator('#message_text').fill(answers.messageText ?? '');
    await press(page);
  }
  if (channel === 'automated_call') {
    await at('advertised-number');
    await page.locator('#advertised_number').fill(answers.advertisedNumber ?? '');
    await press(page);
  }
  if (channel === 'email') {
    await at('email-evidence');
    const buffer = Buffer.from(answers.eml ?? '');
    await page.locator('#email_file').setInputFiles({ name: 'offer.eml', mimeType: 'message/rfc822', buffer });
    await press(page);
  }
  await at('company');
  await page.locator('#company').fill(answers.company);
  await press(page);
  await at('categories');
  await page.getByLabel(words('Energy, boilers, solar panels or insulation (green deals)')).check();
  await press(page);
  if (channel !== 'fax') {
    await at('scam');
    await page.getByLabel(words(answers.scam), { exact: true }).check();
    await press(page);
  }
  await at('relationship');
  await page.getByLabel(words('No, I have never dealt with them')).check();
  await press(page);
  if (channel === 'live_call' || channel === 'automated_call' || channel === 'fax') {
    const heading =
      channel === 'fax'
        ? 'Is your fax number registered with the Fax Preference Service?'
        : 'Is your number registered with the Telephone Preference Service?';
    await at('preference-service', heading);
    await page.getByLabel(words(answers.preferenceService), { exact: true }).check();
    await press(page);
  }
  await at('description');
  if (answers.description) await page.locator('#description').fill(answers.description);
  await press(page);
  await arrive(page, info, 'check-incident');
}
