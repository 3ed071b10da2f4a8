import "server-only";
import { encryptedModelCodec } from "@/lib/dal/encrypted-model-codec";

/**
 * The codec of User's encrypted fields (phone; the TOTP secrets are read by
 * lib/dal/two-factor-settings.ts, where a value that does not decrypt is an
 * error, never a marker), bound to the user's own id.
 */
export const userCodec = encryptedModelCodec("User");
