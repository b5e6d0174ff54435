-- Insights stories (issue 16, item 6): short stories about a community's wellbeing, shared without a name and with
-- consent, moderated and de-identified before leaders see them beside the numbers. Words encrypted at rest; the week
-- only, never the day or time; the receipt's keyed hash withdraws a story.
CREATE TABLE "insights_stories" (
    "id" TEXT NOT NULL CONSTRAINT "pk_insights_stories" PRIMARY KEY,
    "area_id" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "original" TEXT NULL,
    "published" TEXT NULL,
    "status" TEXT NOT NULL,
    "passed_to_responder" INTEGER NOT NULL,
    "receipt_hash" TEXT NOT NULL,
    "moderated_by" TEXT NULL,
    "moderated_at" TEXT NULL
);
CREATE UNIQUE INDEX "ix_insights_stories_receipt_hash" ON "insights_stories" ("receipt_hash");
CREATE INDEX "ix_insights_stories_status_week" ON "insights_stories" ("status", "week");
