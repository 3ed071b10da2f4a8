import "server-only";
import pino from "pino";
import { env } from "@/lib/env";
import { serializeError } from "./error-serializer";
import { redactPaths } from "./redaction";

/** The structured JSON logger (one line per event on stdout). */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "storefront" },
  redact: { paths: redactPaths, censor: "[redacted]" },
  serializers: { err: serializeError, error: serializeError },
  timestamp: pino.stdTimeFunctions.isoTime,
});
