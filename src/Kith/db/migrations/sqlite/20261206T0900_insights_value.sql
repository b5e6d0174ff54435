-- Insights prevention value (issue 16, item 6): the assumptions behind the estimate, one row per version, never
-- updated — an edit adds the next version, so the page can show who changed what and when.
CREATE TABLE "insights_value_assumptions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_insights_value_assumptions" PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "changed_at" TEXT NOT NULL,
    "changed_by" TEXT NOT NULL,
    "changed_by_name" TEXT NOT NULL,
    "cost_basis" TEXT NOT NULL,
    "cost" TEXT NOT NULL,
    "cost_note" TEXT NULL,
    "reach" INTEGER NOT NULL,
    "reach_note" TEXT NULL,
    "effect" TEXT NOT NULL,
    "effect_low" TEXT NOT NULL,
    "effect_high" TEXT NOT NULL,
    "effect_note" TEXT NULL,
    "cost_averted" TEXT NOT NULL,
    "cost_averted_note" TEXT NULL,
    "return_per_dollar" TEXT NULL,
    "return_source" TEXT NULL,
    "return_link" TEXT NULL,
    "return_note" TEXT NULL
);
CREATE UNIQUE INDEX "ix_insights_value_assumptions_version" ON "insights_value_assumptions" ("version");
