-- 0010: what each campaign's results showed, release by release, so figures published at different times never
-- combine to reveal one person (a count may change only by 0 or by at least the minimum cell size).

CREATE TABLE "screening_campaign_releases" (
    "campaign_id" TEXT NOT NULL,
    "instrument_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "released_at" TEXT NOT NULL,
    "figures" TEXT NOT NULL,
    "counts" TEXT NOT NULL,
    CONSTRAINT "pk_screening_campaign_releases" PRIMARY KEY ("campaign_id", "instrument_id", "number")
);
