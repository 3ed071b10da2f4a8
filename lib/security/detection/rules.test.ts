import { describe, expect, it } from "vitest";
import { detectCardTesting, detectMassSignUp, detectNewCountrySignIn, detectStaffRateSpike } from "./activity-rules";
import { DEFAULT_THRESHOLDS as t, normalDay } from "./normal-day";
import { detectCredentialStuffing, detectPasswordSpraying, detectTwoFactorGuessing, type FailedSignIn } from "./sign-in-rules";

const now = new Date("2026-03-02T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("a normal day", () => {
  it("raises nothing", () => {
    const day = normalDay(now);
    expect(detectCredentialStuffing(day.failedSignIns, t, now)).toEqual([]);
    expect(detectPasswordSpraying(day.failedSignIns, t, now)).toEqual([]);
    expect(detectTwoFactorGuessing(day.twoFactorFailures, t, now)).toEqual([]);
    expect(detectMassSignUp(day.signUps, t, now)).toEqual([]);
    expect(detectCardTesting(day.failedPayments, t, now)).toEqual([]);
    expect(detectStaffRateSpike(day.staffRates, t)).toEqual([]);
  });
});

describe("credential stuffing", () => {
  const stuffing: FailedSignIn[] = Array.from({ length: 25 }, (_, i) => ({ userId: i % 2 ? `victim-${i}` : null, ip: `203.0.113.${i}`, at: ago(i / 5) }));

  it("fires on many accounts failing from one /24, spread over its addresses", () => {
    const [finding, ...rest] = detectCredentialStuffing([...normalDay(now).failedSignIns, ...stuffing], t, now);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "credential_stuffing", severity: "high", subject: "net:203.0.113.0/24", count: 25 });
  });

  it("groups IPv6 by /48", () => {
    const v6 = Array.from({ length: 20 }, (_, i) => ({ userId: `v-${i}`, ip: `2001:db8:5:${i}::${i}`, at: ago(1) }));
    expect(detectCredentialStuffing(v6, t, now)).toMatchObject([{ subject: "net:2001:db8:5::/48", count: 20 }]);
  });

  it("does not fire below the threshold, nor on failures older than the window", () => {
    expect(detectCredentialStuffing(stuffing.slice(0, 19), t, now)).toEqual([]);
    expect(detectCredentialStuffing(stuffing.map((f) => ({ ...f, at: ago(11) })), t, now)).toEqual([]);
  });
});

describe("password spraying", () => {
  const spraying: FailedSignIn[] = Array.from({ length: 12 }, (_, i) => ({ userId: `target-${i}`, ip: "203.0.113.9", at: ago(i * 4) }));

  it("fires on many existing accounts with one or two failures each from one network", () => {
    const twice = [...spraying, ...spraying.map((f) => ({ ...f, at: ago(50) }))];
    expect(detectPasswordSpraying([...normalDay(now).failedSignIns, ...twice], t, now)).toMatchObject([
      { rule: "password_spraying", severity: "medium", subject: "net:203.0.113.0/24", count: 12 },
    ]);
  });

  it("does not count accounts hammered many times (that is brute force, throttled per account), nor unknown accounts", () => {
    const hammered = spraying.flatMap((f) => [f, f, f]);
    expect(detectPasswordSpraying(hammered, t, now)).toEqual([]);
    expect(detectPasswordSpraying(spraying.map((f) => ({ ...f, userId: null })), t, now)).toEqual([]);
  });
});

describe("second-factor guessing", () => {
  it("fires on repeated wrong codes for one account within the window, not on older ones", () => {
    const failures = Array.from({ length: 5 }, (_, i) => ({ userId: "victim", at: ago(i * 3) }));
    expect(detectTwoFactorGuessing(failures, t, now)).toMatchObject([{ rule: "two_factor_guessing", severity: "high", subject: "user:victim", count: 5 }]);
    expect(detectTwoFactorGuessing(failures.map((f) => ({ ...f, at: ago(20) })), t, now)).toEqual([]);
  });
});

describe("mass sign-up", () => {
  it("fires on many accounts from one address within an hour", () => {
    const farm = Array.from({ length: 6 }, (_, i) => ({ ip: "203.0.113.77", at: ago(i * 5) }));
    expect(detectMassSignUp([...normalDay(now).signUps, ...farm], t, now)).toMatchObject([{ rule: "mass_sign_up", subject: "ip:203.0.113.77", count: 6 }]);
    expect(detectMassSignUp(farm.map((s) => ({ ...s, at: ago(61) })), t, now)).toEqual([]);
  });
});

describe("new country", () => {
  const earlier = new Map([["traveller", new Set(["DE"])], ["newcomer", new Set<string>()]]);

  it("fires on a sign-in from a country the account never used", () => {
    expect(detectNewCountrySignIn([{ userId: "traveller", country: "BR", at: ago(1) }], earlier)).toMatchObject([
      { rule: "new_country_sign_in", severity: "low", subject: "user:traveller" },
    ]);
  });

  it("stays quiet for a known country and for an account's first country", () => {
    expect(detectNewCountrySignIn([{ userId: "traveller", country: "DE", at: ago(1) }], earlier)).toEqual([]);
    expect(detectNewCountrySignIn([{ userId: "newcomer", country: "FR", at: ago(1) }], earlier)).toEqual([]);
    expect(detectNewCountrySignIn([{ userId: "stranger", country: "FR", at: ago(1) }], earlier)).toEqual([]);
  });
});

describe("card testing", () => {
  it("fires per account, per client address and for the whole shop", () => {
    const byAccount = Array.from({ length: 5 }, (_, i) => ({ userId: "tester", clientAddressIndex: `spread-${i}`, at: ago(i) }));
    const byAddress = Array.from({ length: 10 }, (_, i) => ({ userId: null, clientAddressIndex: "a".repeat(64), at: ago(i) }));
    const everywhere = Array.from({ length: 30 }, (_, i) => ({ userId: null, clientAddressIndex: `other-${i}`, at: ago(i) }));
    expect(detectCardTesting(byAccount, t, now)).toMatchObject([{ rule: "card_testing", subject: "user:tester", count: 5 }]);
    expect(detectCardTesting(byAddress, t, now)).toMatchObject([{ subject: `addr:${"a".repeat(16)}`, count: 10 }]);
    expect(detectCardTesting(everywhere, t, now)).toMatchObject([{ subject: "shop", severity: "medium", count: 30 }]);
    expect(detectCardTesting(byAccount.map((p) => ({ ...p, at: ago(61) })), t, now)).toEqual([]);
  });
});

describe("staff rate spike", () => {
  it("fires above both the multiple of the usual rate and the floor", () => {
    expect(detectStaffRateSpike([{ staffId: "s1", action: "refund", lastHour: 12, trailing14Days: 100 }], t)).toMatchObject([
      { rule: "staff_rate_spike", severity: "high", subject: "staff:s1:refund", count: 12 },
    ]);
  });

  it("does not fire under the floor, nor for someone whose usual rate is that high", () => {
    expect(detectStaffRateSpike([{ staffId: "s1", action: "pii_reveal", lastHour: 10, trailing14Days: 0 }], t)).toEqual([]);
    // 336 hours at ~4 an hour: 20 is under five times the usual rate.
    expect(detectStaffRateSpike([{ staffId: "s1", action: "address_view", lastHour: 20, trailing14Days: 1344 }], t)).toEqual([]);
  });
});
