const notices = {
  "password-reset": "Your password was changed. Sign in with your new password.",
  "email-verified": "Your email address is verified. Sign in to continue.",
  "signed-out-everywhere": "You were signed out on every device.",
  "account-locked":
    "We signed you out on every device and locked your password. Our team has been told. We emailed you a link to choose a new password.",
  "signed-out": "You are signed out.",
  "account-deleted": "Your account was deleted and you are signed out. Thank you for shopping with us.",
  "challenge-expired": "Your sign-in took too long to finish. Please sign in again.",
} as const;

type AuthNoticeKey = keyof typeof notices;

/** The notices a page may be asked to show by its `notice` parameter. */
export const AUTH_NOTICE_KEYS = Object.keys(notices) as [AuthNoticeKey, ...AuthNoticeKey[]];

/** A fixed message chosen by a URL parameter: the parameter selects text, it is never shown itself. */
export function AuthNotice({ notice }: { notice: AuthNoticeKey | undefined }) {
  const text = notice ? notices[notice] : null;
  if (!text) return null;
  return (
    <p role="status" className="rounded border border-success-300 bg-success-50 px-3 py-2 text-success-900">
      {text}
    </p>
  );
}
