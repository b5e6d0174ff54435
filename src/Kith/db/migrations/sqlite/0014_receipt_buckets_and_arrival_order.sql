-- 0014: the receipt brake counts per bucket (ADR 16), and anonymous concerns keep their time only to the hour,
-- so the queue orders by an arrival number the database gives each concern.

-- Per-minute counts only brake the current minute: nothing worth keeping.
DROP TABLE "concerns_receipt_failures";
CREATE TABLE "concerns_receipt_failures" (
    "minute" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "failures" INTEGER NOT NULL,
    CONSTRAINT "pk_concerns_receipt_failures" PRIMARY KEY ("minute", "bucket")
);

-- Existing concerns are numbered in the order they came in (exact times still known here), then forget them.
ALTER TABLE "concerns_reports" ADD COLUMN "arrival" INTEGER NOT NULL DEFAULT 0;
UPDATE "concerns_reports" SET "arrival" = numbered.n
FROM (SELECT "id", row_number() OVER (ORDER BY "submitted_at", "id") AS n FROM "concerns_reports") AS numbered
WHERE "concerns_reports"."id" = numbered."id";
UPDATE "concerns_reports" SET "submitted_at" = substr("submitted_at", 1, 13) || ':00:00' WHERE "anonymous" = 1;
CREATE UNIQUE INDEX "ix_concerns_reports_arrival" ON "concerns_reports" ("arrival");

-- SQLite has one writer at a time, so the next number is the largest plus one, inside the inserting transaction.
CREATE TRIGGER "concerns_reports_number_arrival" AFTER INSERT ON "concerns_reports"
BEGIN
    UPDATE "concerns_reports" SET "arrival" = (SELECT COALESCE(MAX("arrival"), 0) + 1 FROM "concerns_reports")
    WHERE "id" = NEW."id";
END;
