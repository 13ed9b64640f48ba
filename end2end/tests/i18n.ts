import { Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The portal's own catalogues (app/locales), so a journey written with the English words can be
// walked in Welsh: each English text is looked up by its key and the Welsh of that key used.

const LOCALES = path.join(__dirname, '..', '..', 'app', 'locales');

function catalogue(lang: 'en' | 'cy'): Record<string, string> {
  const texts: Record<string, string> = JSON.parse(fs.readFileSync(path.join(LOCALES, `${lang}.json`), 'utf8'));
  for (const file of fs.readdirSync(path.join(LOCALES, lang)).sort()) {
    if (file.endsWith('.json')) Object.assign(texts, JSON.parse(fs.readFileSync(path.join(LOCALES, lang, file), 'utf8')));
  }
  return texts;
}

const ENGLISH = catalogue('en');
const WELSH = catalogue('cy');

/** The Welsh keys' texts for each English text. */
const BY_ENGLISH = new Map<string, Set<string>>();
for (const [key, english] of Object.entries(ENGLISH)) {
  const welsh = WELSH[key];
  if (welsh === undefined) continue;
  const found = BY_ENGLISH.get(english) ?? new Set<string>();
  found.add(welsh);
  BY_ENGLISH.set(english, found);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Welsh for an English text of the catalogue: the text, or when keys with that English
 * differ in Welsh (a "Yes" answers its own verb), a pattern matching any of them exactly. */
export function welsh(english: string): string | RegExp {
  const found = BY_ENGLISH.get(english);
  if (!found) throw new Error(`"${english}" is not an English text of the catalogue`);
  const texts = [...found];
  return texts.length === 1 ? texts[0] : new RegExp(`^(${texts.map(escape).join('|')})$`);
}

/** The Welsh for a key, with its `{name}` placeholders filled. */
export function welshOf(key: string, values: Record<string, string> = {}): string {
  const text = WELSH[key];
  if (text === undefined) throw new Error(`no Welsh for ${key}`);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Words for the page's language: the English given, or its Welsh when the page is in Welsh. */
export async function wordsFor(page: Page): Promise<(english: string) => string | RegExp> {
  const lang = await page.locator('html').getAttribute('lang');
  return lang === 'cy' ? welsh : (english: string) => english;
}
