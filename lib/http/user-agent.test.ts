import { describe, expect, it } from "vitest";
import { describeUserAgent, parseUserAgent } from "./user-agent";

const UA = {
  chromeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  edgeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51",
  operaMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
  safariIphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  chromeIpad: "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1",
  firefoxIphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/125.0 Mobile/15E148 Safari/605.1.15",
  chromeAndroid: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36",
  samsungAndroid: "Mozilla/5.0 (Linux; Android 13; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36",
  chromeOs: "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  headlessLinux: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36",
};

describe("parseUserAgent", () => {
  it.each([
    [UA.chromeWindows, "Chrome", "Windows"],
    [UA.edgeWindows, "Edge", "Windows"],
    [UA.operaMac, "Opera", "macOS"],
    [UA.firefoxLinux, "Firefox", "Linux"],
    [UA.safariMac, "Safari", "macOS"],
    [UA.safariIphone, "Safari", "iOS"],
    [UA.chromeIpad, "Chrome", "iOS"],
    [UA.firefoxIphone, "Firefox", "iOS"],
    [UA.chromeAndroid, "Chrome", "Android"],
    [UA.samsungAndroid, "Samsung Internet", "Android"],
    [UA.chromeOs, "Chrome", "ChromeOS"],
  ])("names the browser and system of %s", (userAgent, browser, system) => {
    expect(parseUserAgent(userAgent)).toEqual({ browser, system });
  });

  it("does not take a lookalike family name for a browser (HeadlessChrome is not Chrome)", () => {
    expect(parseUserAgent(UA.headlessLinux)).toEqual({ browser: null, system: "Linux" });
  });

  it("names nothing for an empty, missing or made-up header", () => {
    expect(parseUserAgent(null)).toEqual({ browser: null, system: null });
    expect(parseUserAgent("")).toEqual({ browser: null, system: null });
    expect(parseUserAgent("curl/8.5.0")).toEqual({ browser: null, system: null });
    expect(parseUserAgent("<script>alert(1)</script>")).toEqual({ browser: null, system: null });
  });
});

describe("describeUserAgent", () => {
  it("reads as a short phrase, with placeholders for what is not known", () => {
    expect(describeUserAgent(UA.firefoxLinux)).toBe("Firefox on Linux");
    expect(describeUserAgent("curl/8.5.0")).toBe("Browser on unknown system");
    expect(describeUserAgent(null)).toBe("Unknown device");
  });
});
