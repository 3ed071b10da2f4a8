import type { ActivityType, CustomerSecurityActivityDTO } from "@/lib/dal/sessions/security-activity";
import { formatZonedDateTime } from "@/lib/config/formats";

const LABELS: Record<ActivityType, string> = {
  sign_in_succeeded: "Signed in",
  new_device_sign_in: "Signed in on a new device",
  password_changed: "Password changed",
  password_reset_completed: "Password reset with an emailed link",
  email_changed: "Email address changed",
  two_factor_enabled: "Two-factor authentication turned on",
  two_factor_disabled: "Two-factor authentication turned off",
  recovery_code_used: "Recovery code used",
  recovery_codes_regenerated: "New recovery codes created",
  session_revoked: "A device was signed out",
  sessions_revoked: "Devices were signed out",
  account_compromise_reported: "Reported as not you: all devices signed out",
  app_signed_in: "Signed in to the shop app",
  app_signed_out: "Signed out of the shop app",
  oauth_refresh_token_reused: "An old app sign-in was replayed: that app was signed out",
  oauth_code_reused: "An app sign-in code was replayed: that app was signed out",
};

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

function place(country: string | null): string {
  if (!country) return "unknown place";
  try {
    return countryNames.of(country) ?? country;
  } catch {
    return country;
  }
}

function device(row: CustomerSecurityActivityDTO): string {
  if (!row.browser && !row.system) return "unknown device";
  return `${row.browser ?? "a browser"} on ${row.system ?? "an unknown system"}`;
}

/** The account's recent security activity, newest first (server-rendered; nothing here is interactive). */
export function SecurityActivity({ activity }: { activity: CustomerSecurityActivityDTO[] }) {
  if (activity.length === 0) return <p className="text-neutral-700">No activity in the last 30 days.</p>;
  return (
    <ol aria-label="Recent activity" className="flex flex-col divide-y divide-neutral-200 rounded border border-neutral-200">
      {activity.map((row) => (
        <li key={row.id} className="flex flex-col gap-0.5 p-3">
          <p className="font-medium">{LABELS[row.type]}</p>
          <p className="text-sm text-neutral-700">
            <time dateTime={row.at.toISOString()}>{formatZonedDateTime(row.at)}</time>
            {` · ${device(row)} · ${place(row.country)}`}
            {row.maskedIp ? ` · network ${row.maskedIp}` : ""}
          </p>
        </li>
      ))}
    </ol>
  );
}
