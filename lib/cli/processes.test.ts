import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log/logger";
import { exitAfter } from "./processes";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("exitAfter", () => {
  it("logs a failed cleanup and still exits with the given code", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const logError = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    exitAfter(() => Promise.reject(new Error("the database did not stop")), 3);
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(3));
    expect(logError).toHaveBeenCalledWith({ err: expect.objectContaining({ message: "the database did not stop" }) }, "cleanup before exit failed");
  });

  it("exits with the given code once cleanup is done", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    let cleaned = false;
    exitAfter(async () => {
      cleaned = true;
    }, 0);
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    expect(cleaned).toBe(true);
  });
});
