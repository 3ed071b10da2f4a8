import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log/logger";
import { warnIfRuntimeUnsupported } from "./runtime-warning";

afterEach(() => vi.restoreAllMocks());

describe("start-up runtime warning", () => {
  it("warns once the running Node.js is past its end of life, from the built-in table", () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    warnIfRuntimeUnsupported(new Date("2099-01-01T00:00:00Z"));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[1])).toMatch(/reached its end of life/);
  });

  it("stays quiet while the runtime is supported", () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    // Mid-2024, every LTS line this project has run on (20, 22, 24) was years from its end of life.
    warnIfRuntimeUnsupported(new Date("2024-06-01T00:00:00Z"));
    expect(warn).not.toHaveBeenCalled();
  });
});
