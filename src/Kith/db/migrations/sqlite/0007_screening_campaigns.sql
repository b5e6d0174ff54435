-- 0007: screening campaigns. A campaign names its organisation, instruments and groups; its responses live in
-- screening_responses (campaign_id, campaign_group) and are only ever read as suppressed aggregates.

CREATE TABLE "screening_campaigns" (
    "id" TEXT NOT NULL CONSTRAINT "pk_screening_campaigns" PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "area_id" TEXT NULL,
    "audience" TEXT NOT NULL,
    "instruments" TEXT NOT NULL,
    "groups" TEXT NOT NULL,
    "opens_on" TEXT NOT NULL,
    "closes_on" TEXT NOT NULL,
    "closed_early_at" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

-- The public link finds its campaign by code; a coordinator lists their organisation's campaigns.
CREATE UNIQUE INDEX "ix_screening_campaigns_code" ON "screening_campaigns" ("code");
CREATE INDEX "ix_screening_campaigns_organisation_id" ON "screening_campaigns" ("organisation_id");
