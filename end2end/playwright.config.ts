import { defineConfig } from '@playwright/test';

// Debian Chromium (no browser download); the server is started by `cargo leptos end-to-end`
// with its clock fixed on 2026-03-02 (PORTAL_FIXED_TODAY) so verdicts are deterministic.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  globalSetup: './global-setup.ts',
  use: {
    baseURL: process.env.PORTAL_URL || 'http://127.0.0.1:3000',
    launchOptions: chromium,
    acceptDownloads: true,
  },
  projects: [
    { name: 'javascript', use: { javaScriptEnabled: true } },
    { name: 'no-javascript', use: { javaScriptEnabled: false } },
  ],
});
