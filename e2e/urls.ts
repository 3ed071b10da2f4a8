/** The second test server (see playwright.config.ts), whose database is unreachable. */
export const databaseDownURL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;
