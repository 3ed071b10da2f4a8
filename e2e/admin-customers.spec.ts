import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { type Identity, newIdentity, signIn } from "./support/accounts";
import { sql } from "./support/database";
import { extractLink, waitForMail } from "./support/mailbox";
import { savedAccount, savedState } from "./support/saved-state";
import { createAccounts } from "./support/seeded-accounts";
import { signInAsStaff } from "./support/staff";
import { nextCode } from "./support/two-factor";

const address = { "Full name": "Priya Ramanathan", "Street address": "742 Evergreen Terrace", "Town or city": "Springfield", "Postal code": "62704" };
const reason = "Ticket 4821: the customer asked us to confirm their delivery address";

/** Another browser of its own, as another person at another address (the fixture's per-test client address). */
async function anotherPerson(browser: Browser): Promise<Page> {
  const [a = 0, b = 0] = randomBytes(2);
  // Signed out, whatever saved session the test itself runs with (new contexts inherit the test's options).
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `198.19.${a}.${b}` },
    storageState: { cookies: [], origins: [] },
  });
  return context.newPage();
}

/** A new customer with one saved address, entered through the shop's own form; returns their identity. */
async function customerWithAddress(browser: Browser): Promise<Identity> {
  const page = await anotherPerson(browser);
  const [identity] = await createAccounts(["customer"]);
  await signIn(page, identity!);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/addresses/new");
  for (const [label, value] of Object.entries(address)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel("Country").selectOption("US");
  await page.getByLabel("Phone (optional)").fill("+1 555 0142");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page).toHaveURL(/\/account\/addresses\?notice=saved/);
  await page.context().close();
  return identity!;
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** Finds the customer by exact email from the admin list and opens their page; returns their id. */
async function openCustomer(page: Page, email: string): Promise<string> {
  await page.goto(`/admin/customers?q=${encodeURIComponent(email)}`);
  const links = page.getByRole("table", { name: "Customers" }).getByRole("link");
  await expect(links).toHaveCount(1);
  await expectAccessible(page);
  await links.first().click();
  await expect(page).toHaveURL(/\/admin\/customers\/[A-Za-z0-9_-]+$/);
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

async function expectMasked(page: Page, customer: Identity) {
  await expect(page.getByText("Personal data is masked.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("•");
  const main = page.locator("main");
  await expect(main).toContainText("•••• Terrace");
  for (const secret of [customer.name, customer.email, address["Street address"], address["Full name"], address["Postal code"], "555 0142"]) {
    await expect(main).not.toContainText(secret);
  }
}

test("support staff see a customer masked, and reveal it with a reason and a fresh second factor", async ({ page, browser }) => {
  const customer = await customerWithAddress(browser);
  const staff = await signInAsStaff(page, "support");
  const customerId = await openCustomer(page, customer.email);
  await expectMasked(page, customer);
  await expectAccessible(page);
  // A staff account's id is not a customer's: the page does not exist.
  const [self] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [staff.email]);
  expect((await page.goto(`/admin/customers/${self?.id}`))?.status()).toBe(404);
  await page.goto(`/admin/customers/${customerId}`);

  // The sign-in proved a factor moments ago; an hour later the reveal must ask again.
  await sql(`UPDATE "Session" SET "passwordVerifiedAt" = "passwordVerifiedAt" - interval '1 hour', "secondFactorVerifiedAt" = "secondFactorVerifiedAt" - interval '1 hour' WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [
    staff.email,
  ]);
  await page.getByRole("link", { name: "Reveal personal data" }).click();
  await expect(page).toHaveURL(/\/account\/confirm\?returnTo=/);
  await page.getByLabel("Authentication code").fill(nextCode(staff.secret));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/customers/${customerId}/reveal$`));

  await page.getByLabel("Reason").fill("curious");
  await page.getByRole("button", { name: "Reveal personal data" }).click();
  await expect(page.getByText(/at least 10 characters/)).toBeVisible();
  await expect(page.getByLabel("Reason")).toHaveValue("curious");
  await expectAccessible(page);
  await expectRevealGrants(staff.email, 0);

  await page.getByLabel("Reason").fill(reason);
  await page.getByRole("button", { name: "Reveal personal data" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/customers/${customerId}$`));
  await expect(page.getByRole("status").filter({ hasText: /Personal data revealed until \d{1,2}:\d\d/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(customer.name);
  const main = page.locator("main");
  for (const value of [customer.email, address["Street address"], address["Full name"], address["Postal code"], "+1 555 0142"]) {
    await expect(main).toContainText(value);
  }
  const [entry] = await sql<{ reason: string; actorRole: string }>(
    `SELECT reason, "actorRole" FROM "AuditEntry" WHERE action = 'customer.pii_revealed' AND "targetId" = $1`,
    [customerId],
  );
  expect(entry).toEqual({ reason, actorRole: "support" });
});

/** How many reveal grants this staff member holds. */
async function expectRevealGrants(staffEmail: string, grants: number) {
  const [row] = await sql<{ count: string }>(
    `SELECT count(*) FROM "PiiReveal" WHERE "staffId" = (SELECT id FROM "User" WHERE email = $1)`,
    [staffEmail],
  );
  expect(Number(row?.count)).toBe(grants);
}

/**
 * The reveal form's fields as the server rendered them (React's hidden inputs
 * naming the server action, the customer id, a reason): what a browser without
 * JavaScript would post, and what an attacker could replay.
 */
async function revealFormFields(page: Page, customerId: string): Promise<Record<string, string>> {
  const html = await (await page.request.get(`/admin/customers/${customerId}/reveal`)).text();
  const fields = await page.evaluate((source) => {
    const form = new DOMParser().parseFromString(source, "text/html").querySelector("form:has(textarea[name=reason])");
    if (!form) return null;
    return Object.fromEntries([...form.querySelectorAll<HTMLInputElement>("input[name]")].map((input) => [input.name, input.value]));
  }, html);
  if (!fields) throw new Error("no reveal form on the page");
  return { ...fields, reason };
}

test.describe(() => {
  test.use({ storageState: savedState("auditor") });
  test("an auditor sees customers masked, has no Reveal button, and a posted reveal is refused", async ({ page, browser, baseURL }) => {
    const customer = await customerWithAddress(browser);

    // A support member's reveal form, replayed first by its owner: the post reaches the action and reveals.
    const support = await anotherPerson(browser);
    const supportStaff = await signInAsStaff(support, "support");
    const customerId = await openCustomer(support, customer.email);
    const fields = await revealFormFields(support, customerId);
    const headers = { origin: baseURL ?? "" };
    const revealUrl = `/admin/customers/${customerId}/reveal`;
    const allowed = await support.request.post(revealUrl, { multipart: fields, headers, maxRedirects: 0 });
    expect(allowed.status()).toBe(303);
    expect(allowed.headers().location).toMatch(new RegExp(`/admin/customers/${customerId}$`));
    await expectRevealGrants(supportStaff.email, 1);

    // The auditor's saved session: an auditor never holds a grant, whichever test signed in.
    const auditor = savedAccount("auditor");
    expect(await openCustomer(page, customer.email)).toBe(customerId);
    await expectMasked(page, customer);
    await expect(page.getByRole("link", { name: "Reveal personal data" })).toHaveCount(0);

    await page.goto(`/admin/customers/${customerId}/reveal`);
    await expect(page).toHaveURL(/\/admin\?denied=customers%3Areveal_pii/);

    // The same post from the auditor. Next runs the action before rendering the
    // page, so it is the action's own guard that answers: without it the DAL's
    // check would throw (a 500), and a missing check there would write a grant.
    const refused = await page.request.post(revealUrl, { multipart: fields, headers, maxRedirects: 0 });
    expect(refused.status()).toBe(303);
    expect(refused.headers().location).toMatch(/\/admin\?denied=customers%3Areveal_pii/);
    await expectRevealGrants(auditor.email, 0);
    await page.goto(`/admin/customers/${customerId}`);
    await expectMasked(page, customer);
    await support.context().close();
  });
});

test.describe(() => {
  test.use({ storageState: savedState("owner") });
  test("an owner invites a staff member, who sets a password, signs in and is asked to set up two-factor", async ({ page, browser }) => {
    const invitee = newIdentity();
    await page.goto("/admin/staff");
    await page.getByLabel("Email").fill(invitee.email);
    await page.getByLabel("Name", { exact: true }).fill(invitee.name);
    await page.getByLabel("Role", { exact: true }).selectOption({ label: "Customer support" });
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${invitee.email}.` })).toBeVisible();
    const member = page.getByRole("list", { name: "Staff members" }).getByRole("listitem").filter({ hasText: invitee.email });
    await expect(member).toContainText("Customer support");
    await expect(member).toContainText("Two-factor off");
    await expectAccessible(page);

    const mail = await waitForMail({ to: invitee.email, subject: /invited to the shop admin/i });
    const inviteePage = await anotherPerson(browser);
    await inviteePage.goto(extractLink(mail.text, "/staff/setup"));
    await inviteePage.getByLabel("Password", { exact: true }).fill(invitee.password);
    await inviteePage.getByRole("button", { name: "Set password" }).click();
    await expect(inviteePage).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
    await signIn(inviteePage, invitee);
    await expect(inviteePage).toHaveURL(/\/account\/security\?notice=staff-two-factor-required/);
    await expect(inviteePage.getByRole("button", { name: "Set up two-factor authentication" })).toBeVisible();

    // The link worked once.
    await inviteePage.goto(extractLink(mail.text, "/staff/setup"));
    await expect(inviteePage.getByRole("heading", { name: "This link has expired" })).toBeVisible();
    await inviteePage.context().close();
  });
});

// Runs in the "mobile" project only (375 px wide, touch).
test.describe(() => {
  test.use({ storageState: savedState("support") });
  test("the customer pages fit a phone, with touch targets of 44 px @mobile", async ({ page, browser }) => {
    const customer = await customerWithAddress(browser);
    const noHorizontalScroll = async () =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await openCustomer(page, customer.email);
    await noHorizontalScroll();
    await expectMasked(page, customer);
    const reveal = await page.getByRole("link", { name: "Reveal personal data" }).boundingBox();
    expect(reveal?.height ?? 0).toBeGreaterThanOrEqual(44);
    await page.goto(`/admin/customers?q=${encodeURIComponent(customer.email)}`);
    await noHorizontalScroll();
    const search = await page.locator("main").getByRole("button", { name: "Search" }).boundingBox();
    expect(search?.height ?? 0).toBeGreaterThanOrEqual(44);
  });
});
