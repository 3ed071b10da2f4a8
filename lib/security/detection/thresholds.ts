/** The numbers the rules compare against (from the environment, see lib/dal/audit/detection-settings.ts). */
export type DetectionThresholds = {
  /** Distinct accounts failing sign-in from one network within `signInWindowMinutes`. */
  stuffingAccounts: number;
  signInWindowMinutes: number;
  /** Accounts with only one or two failures each from one network within `sprayWindowMinutes`. */
  sprayAccounts: number;
  sprayWindowMinutes: number;
  /** Failed second-factor codes for one account (its password was right) within `twoFactorWindowMinutes`. */
  twoFactorFailures: number;
  twoFactorWindowMinutes: number;
  /** New accounts from one address within an hour. */
  signUpsPerAddress: number;
  /** Declined or abandoned payments within an hour: per account, per client address, in the whole shop. */
  cardFailuresPerAccount: number;
  cardFailuresPerAddress: number;
  cardFailuresPerHour: number;
  /** A staff member's hourly refunds, reveals or address views: above this many times their own 14-day hourly average… */
  staffRateMultiplier: number;
  /** … and above this floor. */
  staffRateFloor: number;
};
