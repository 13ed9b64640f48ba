import { test, TestInfo } from '@playwright/test';
import * as path from 'node:path';

/** One portal under test, as `.ci/e2e` started it for a project (playwright.config.ts). */
export interface Portal {
  url: string;
  /** The Maildir its SMTP server stores what the portal sends into. */
  maildir: string;
  /** Its database (`sqlite://…`), for a second portal process on the same data. */
  databaseUrl: string;
  smtpUrl: string;
  fileDir: string;
  /** The server binary and site folder, to start a second portal process. */
  server: string;
  siteRoot: string;
  adminEmail: string;
  adminPassword: string;
}

export const ROOT = path.resolve(__dirname, '..', '..');

/** The portal the current test's project runs against. */
export function portal(info: TestInfo = test.info()): Portal {
  return info.project.metadata as unknown as Portal;
}

/** The SQLite database file of the project's portal. */
export function databaseFile(info: TestInfo = test.info()): string {
  const url = portal(info).databaseUrl;
  const file = url.replace(/^sqlite:(\/\/)?/, '').split('?')[0];
  if (!file) throw new Error('the portal has no SQLite database named (PORTAL_E2E_DATABASE_URL)');
  return path.isAbsolute(file) ? file : path.join(ROOT, file);
}
