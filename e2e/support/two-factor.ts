import { expect, type Page } from "@playwright/test";
import { generateSync } from "otplib";

/** A TOTP code for the time step after the current one: inside the ±1 window, and newer than any code used so far. */
export function nextCode(secret: string): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
}

export function currentCode(secret: string): string {
  return generateSync({ secret });
}

/** Turns two-factor on from /account/security using the key shown on screen; returns it and the recovery codes. */
export async function enrolTwoFactor(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret.length).toBeGreaterThanOrEqual(32);
  await page.getByLabel("Authentication code").fill(currentCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  return { secret, recoveryCodes: await codes.allTextContents() };
}

export async function answerChallenge(page: Page, code: string) {
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}
