-- Insights (issue 16): indicators per area and local day, counted from the modules' published facts (aggregates only),
-- and the last counting run. Area 00000000-… is "no area known" (counted in the community's total only).
CREATE TABLE "insights_indicator_days" (
    "indicator" TEXT NOT NULL,
    "area_id" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" REAL NOT NULL,
    CONSTRAINT "pk_insights_indicator_days" PRIMARY KEY ("indicator", "area_id", "day")
);
CREATE INDEX "ix_insights_indicator_days_day" ON "insights_indicator_days" ("day");

CREATE TABLE "insights_indicator_runs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_insights_indicator_runs" PRIMARY KEY,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "rebuild" INTEGER NOT NULL
);
