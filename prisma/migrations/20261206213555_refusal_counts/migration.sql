-- CreateTable
CREATE TABLE "RefusalCount" (
    "id" BIGSERIAL NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "subject" VARCHAR(80) NOT NULL,
    "detail" VARCHAR(80) NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RefusalCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RefusalCount_kind_subject_detail_windowStart_key" ON "RefusalCount"("kind", "subject", "detail", "windowStart");
