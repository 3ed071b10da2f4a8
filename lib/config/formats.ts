import { shopConfig } from "@/shop.config";

/*
 * Dates and numbers as the shop's locale writes them (shop.config.ts), in the
 * shop's time zone rather than the server's. Formatters are built once: Intl
 * constructors are slow enough to matter in a long order list.
 */
const { locale, timeZone } = shopConfig;
const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
const longDay = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone });
const time = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone });
const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
// Intl refuses dateStyle and timeStyle beside timeZoneName, so the zoned forms name their fields.
const clock = { hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" } as const;
const zonedDateTime = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", ...clock });
const zonedTime = new Intl.DateTimeFormat(locale, clock);
const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 3 });

/** "Mar 5, 2026" */
export const formatDate = (value: Date) => day.format(value);
/** "March 5, 2026" */
export const formatLongDate = (value: Date) => longDay.format(value);
/** "2:05 PM" */
export const formatTime = (value: Date) => time.format(value);
/** "Mar 5, 2026, 2:05 PM" */
export const formatDateTime = (value: Date) => dateTime.format(value);
/** "Mar 5, 2026, 2:05 PM UTC": where the reader may be in another zone than the shop. */
export const formatZonedDateTime = (value: Date) => zonedDateTime.format(value);
/** "2:05 PM UTC" */
export const formatZonedTime = (value: Date) => zonedTime.format(value);
/** "10,000" */
export const formatInteger = (value: number) => integer.format(value);

/** "8.25%" from basis points (825): tax rates. */
export const formatBasisPoints = (basisPoints: number) => percent.format(basisPoints / 10_000);

/** The language of the shop's pages (`<html lang>`), from its locale. */
export const pageLanguage = new Intl.Locale(locale).language;
