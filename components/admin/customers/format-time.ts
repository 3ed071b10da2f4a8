const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
// The zone is printed: the server's clock may not be the reader's.
const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" });

/** "5 Mar 2026": a day, without a time of day staff do not need. */
export const formatDate = (value: Date) => date.format(value);

/** "14:05 UTC": when a reveal grant ends. */
export const formatClock = (value: Date) => clock.format(value);
