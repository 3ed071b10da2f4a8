import "server-only";

/** Mail templates: pure functions returning `{ subject, text, html }`, with every value HTML-escaped. */
export { signUpAttemptOnExistingAccount, newDeviceSignIn, verifyEmail } from "./account";
export { emailChanged, emailChangeNotice, emailChangeVerify } from "./email-change";
export { escapeHtml, greetingName } from "./escape";
export type { MailContent } from "./layout";
export { accountCompromiseReported, passwordChanged, passwordReset, passwordResetCompleted } from "./password";
export { recoveryCodeUsed, twoFactorDisabled, twoFactorEnabled, twoFactorFailed } from "./two-factor";
export { appTokenReplayed } from "./app";
export { orderConfirmation } from "./order";
export { orderNoticeMail } from "./order-notices";
export { orderCancelled, orderDelivered, orderRefunded, orderShipped } from "./order-updates";
export { returnUpdate } from "./returns";
export { detectionAlertMail } from "./detection";
export { newOrderStaffMail, securityAlertMail, staffInvitation } from "./staff";
