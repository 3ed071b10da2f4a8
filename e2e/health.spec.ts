import { expect, test } from "@playwright/test";
import { databaseDownURL } from "./urls";

test("health answers 200 with the database up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
});

test("health answers 503 when the database is unreachable", async ({ request }) => {
  const response = await request.get(`${databaseDownURL}/api/health`);
  expect(response.status()).toBe(503);
  const body = await response.json();
  expect(body).toMatchObject({ status: "unavailable", database: "down" });
  expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
});
