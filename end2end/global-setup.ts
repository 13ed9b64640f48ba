// Waits for the portal to answer before any test runs.
export default async function globalSetup() {
  const url = (process.env.PORTAL_URL || 'http://127.0.0.1:3000') + '/health';
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the portal did not start at ${url}`);
}
