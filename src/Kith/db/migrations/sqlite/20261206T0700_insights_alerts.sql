-- Insights alerts (issue 16, item 4): spikes found by the alert job (once per indicator, area and week), what leaders
-- did about them (free text encrypted at rest), and which leaders watch which area.
CREATE TABLE "insights_alerts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_insights_alerts" PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "indicator" TEXT NOT NULL,
    "area_id" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "expected" REAL NOT NULL,
    "upper_bound" REAL NOT NULL,
    "method" TEXT NOT NULL,
    "raised_at" TEXT NOT NULL,
    "acknowledged_at" TEXT NULL,
    "acknowledged_by" TEXT NULL,
    "action_kind" TEXT NULL,
    "action" TEXT NULL,
    "action_at" TEXT NULL,
    "action_by" TEXT NULL,
    "outcome" TEXT NULL,
    "outcome_note" TEXT NULL,
    "outcome_at" TEXT NULL,
    "revision" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "ix_insights_alerts_indicator_area_id_week" ON "insights_alerts" ("indicator", "area_id", "week");
CREATE INDEX "ix_insights_alerts_raised_at" ON "insights_alerts" ("raised_at");

CREATE TABLE "insights_area_watches" (
    "area_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "assigned_at" TEXT NOT NULL,
    "assigned_by" TEXT NOT NULL,
    CONSTRAINT "pk_insights_area_watches" PRIMARY KEY ("area_id", "user_id")
);
