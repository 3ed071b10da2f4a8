-- CreateEnum
CREATE TYPE "SessionAuthMethod" AS ENUM ('password', 'password_totp', 'password_recovery_code');

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "authMethod" "SessionAuthMethod" NOT NULL DEFAULT 'password',
ADD COLUMN     "passwordVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "secondFactorVerifiedAt" TIMESTAMP(3);

-- Sessions opened before this migration recorded only "a factor was proven at"; which one is
-- unknown, so it counts as the password alone. A session of an account with two-factor on then
-- owes its second factor again (the challenge), and no staff session keeps the admin open on it.
UPDATE "Session" SET "passwordVerifiedAt" = "reauthenticatedAt";

ALTER TABLE "Session" DROP COLUMN "reauthenticatedAt";
