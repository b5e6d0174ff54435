-- Insights (issue 16): what each release family has shown of each count, so successive releases cannot be subtracted
-- (a count hidden stays hidden while unchanged; a count is shown only 0 or at least the threshold away from every value
-- it was shown with). Counts of people, never a person.
CREATE TABLE "insights_published_counts" (
    "family" TEXT NOT NULL,
    "count_key" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "hidden" INTEGER NOT NULL,
    "shown" TEXT NOT NULL,
    CONSTRAINT "pk_insights_published_counts" PRIMARY KEY ("family", "count_key")
);

-- Before/after change is published only by the evaluation page (ADR 52): drop the weekly counts of it.
DELETE FROM "insights_indicator_days" WHERE "indicator" LIKE 'groups.change:%';
