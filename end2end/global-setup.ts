import { FullConfig } from '@playwright/test';

// Waits until every project's portal answers before any test runs.
export default async function globalSetup(config: FullConfig) {
  const urls = new Set(config.projects.map((project) => `${project.use.baseURL}/health`));
  const deadline = Date.now() + 120_000;
  for (const url of urls) {
    for (;;) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error(`the portal did not start at ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
