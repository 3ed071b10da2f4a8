/**
 * A browser and operating system named from a User-Agent header, for the
 * account's own device lists. Only common families are told apart; the header
 * is client-chosen, so the answer is a hint for the owner, never a check.
 * Order matters: Edge and Opera say "Chrome", Chrome says "Safari", Android says "Linux".
 */
const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\b(Chrome|CriOS|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\bWindows\b/, "Windows"],
  [/\bAndroid\b/, "Android"],
  [/\b(iPhone|iPad|iPod)\b/, "iOS"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

export type DeviceDescription = { browser: string | null; system: string | null };

const first = (rules: readonly [RegExp, string][], userAgent: string) => rules.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;

export function parseUserAgent(userAgent: string | null): DeviceDescription {
  if (!userAgent) return { browser: null, system: null };
  return { browser: first(BROWSERS, userAgent), system: first(SYSTEMS, userAgent) };
}

/** "Firefox on Windows", "Browser on Linux", "Unknown device". */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const { browser, system } = parseUserAgent(userAgent);
  return `${browser ?? "Browser"} on ${system ?? "unknown system"}`;
}
