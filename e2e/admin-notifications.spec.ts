import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { signInAsStaff } from "./support/staff";

const preference = async (email: string) =>
  (await sql<{ notifyNewOrders: boolean }>(`SELECT "notifyNewOrders" FROM "User" WHERE email = $1`, [email]))[0]?.notifyNewOrders;

test("a staff member switches new-order mail on from the admin navigation, and it persists", async ({ page }) => {
  const member = await signInAsStaff(page, "fulfilment");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Notifications" }).click();
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  const checkbox = page.getByLabel("Mail me when an order is paid");
  await expect(checkbox).not.toBeChecked();

  await checkbox.check();
  await page.getByRole("button", { name: "Save notifications" }).click();
  await expect(page.getByText("You will get a mail for every new paid order.")).toBeVisible();
  expect(await preference(member.email)).toBe(true);
  await page.reload();
  await expect(page.getByLabel("Mail me when an order is paid")).toBeChecked();
  const audits = await sql<{ action: string }>(
    `SELECT action FROM "AuditEntry" WHERE "targetType" = 'user' AND "targetId" = (SELECT id FROM "User" WHERE email = $1)`,
    [member.email],
  );
  expect(audits.map((entry) => entry.action)).toEqual(["staff.notifications_changed"]);

  await page.getByLabel("Mail me when an order is paid").uncheck();
  await page.getByRole("button", { name: "Save notifications" }).click();
  await expect(page.getByText("You will no longer get new-order mail.")).toBeVisible();
  expect(await preference(member.email)).toBe(false);
});
