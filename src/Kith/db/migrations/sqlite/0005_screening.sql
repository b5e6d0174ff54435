-- 0005: screening responses. Anonymous responses keep only what aggregates need (no answers); identified
-- ones keep the person and the answers encrypted by the app. Derived with `kith model-script`, then reviewed.

CREATE TABLE "screening_responses" (
    "id" TEXT NOT NULL CONSTRAINT "pk_screening_responses" PRIMARY KEY,
    "instrument_id" TEXT NOT NULL,
    "instrument_version" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "submitted_at" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "campaign_id" TEXT NULL,
    "campaign_group" TEXT NULL,
    "area_id" TEXT NULL,
    "organisation_id" TEXT NULL,
    "score" TEXT NOT NULL,
    "scores" TEXT NOT NULL,
    "band" TEXT NOT NULL,
    "flags" TEXT NOT NULL,
    "safety" TEXT NULL,
    "concern_reference" TEXT NULL,
    "identified" INTEGER NOT NULL,
    "subject_name" TEXT NULL,
    "subject_identifier" TEXT NULL,
    "answers" TEXT NULL,
    "recorded_by" TEXT NULL
);

-- A campaign's aggregates by instrument; indicators by instrument and day.
CREATE INDEX "ix_screening_responses_campaign_id_instrument_id" ON "screening_responses" ("campaign_id", "instrument_id");
CREATE INDEX "ix_screening_responses_instrument_id_submitted_at" ON "screening_responses" ("instrument_id", "submitted_at");
