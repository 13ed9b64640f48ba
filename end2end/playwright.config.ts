import { defineConfig } from '@playwright/test';
import * as fs from 'node:fs';
import { Portal } from './tests/portal';

// Debian Chromium (no browser download). `.ci/e2e` starts one portal per project (its own SQLite
// database, file folder and SMTP server, the clock fixed on 2026-03-02 so verdicts are
// deterministic) and names them in the file PORTAL_E2E_PORTALS; the two projects then run side by
// side, each one test at a time against its own portal. Without that file both projects use
// the one portal at PORTAL_URL (for a portal started by hand).
const chromium = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};

const byHand: Portal = {
  url: process.env.PORTAL_URL || 'http://127.0.0.1:3000',
  maildir: process.env.PORTAL_E2E_MAILDIR || '',
  databaseUrl: process.env.PORTAL_E2E_DATABASE_URL || process.env.PORTAL_DATABASE_URL || '',
  smtpUrl: process.env.PORTAL_E2E_SMTP_URL || process.env.PORTAL_SMTP_URL || '',
  fileDir: process.env.PORTAL_E2E_FILE_DIR || process.env.PORTAL_FILE_DIR || '',
  server: process.env.PORTAL_E2E_SERVER || '',
  siteRoot: process.env.PORTAL_E2E_SITE_ROOT || '',
  adminEmail: process.env.PORTAL_E2E_ADMIN_EMAIL || 'e2e-admin@example.gov.uk',
  adminPassword: process.env.PORTAL_E2E_ADMIN_PASSWORD || 'e2e admin password 1',
};

const portals: Record<string, Portal> = process.env.PORTAL_E2E_PORTALS
  ? JSON.parse(fs.readFileSync(process.env.PORTAL_E2E_PORTALS, 'utf8'))
  : { javascript: byHand, 'no-javascript': byHand };
const apart = portals.javascript.url !== portals['no-javascript'].url;

const project = (name: 'javascript' | 'no-javascript') => ({
  name,
  // One test at a time on a portal: the journeys share its database and its clock.
  workers: 1,
  metadata: portals[name] as unknown as Record<string, string>,
  use: { javaScriptEnabled: name === 'javascript', baseURL: portals[name].url },
});

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: apart ? 2 : 1,
  retries: 0,
  reporter: 'list',
  globalSetup: './global-setup.ts',
  use: {
    launchOptions: chromium,
    acceptDownloads: true,
  },
  projects: [project('javascript'), project('no-javascript')],
});
