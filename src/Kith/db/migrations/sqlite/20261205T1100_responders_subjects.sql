-- 0015: teams, rotas and alerts belong to Responders (ADR 18). An alert names its subject (kind, id, reference,
-- link, tier) instead of a concern; every existing alert becomes one about a concern. Pending acknowledgement
-- deadlines move to Responders' topic with the same keys, so none is lost or run twice.

ALTER TABLE "concerns_teams" RENAME TO "responders_teams";
ALTER TABLE "concerns_team_members" RENAME TO "responders_team_members";
ALTER TABLE "concerns_on_call" RENAME TO "responders_on_call";

CREATE TABLE "responders_alerts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_responders_alerts" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "subject_kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_reference" TEXT NOT NULL,
    "subject_link" TEXT NOT NULL,
    "subject_tier" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "seen_at" TEXT NULL
);
INSERT INTO "responders_alerts" ("id", "user_id", "subject_kind", "subject_id", "subject_reference", "subject_link", "subject_tier",
    "kind", "level", "created_at", "seen_at")
SELECT a."id", a."user_id", 'concern', a."concern_id", c."reference", '/staff/concerns/' || lower(a."concern_id"), c."tier",
    a."kind", a."level", a."created_at", a."seen_at"
FROM "concerns_alerts" a JOIN "concerns_reports" c ON c."id" = a."concern_id";
DROP TABLE "concerns_alerts";
CREATE UNIQUE INDEX "ix_responders_alerts_user_id_subject_kind_subject_id_kind_level"
    ON "responders_alerts" ("user_id", "subject_kind", "subject_id", "kind", "level");

UPDATE "platform_outbox"
SET "topic" = 'responders.acknowledge-deadline',
    "payload" = json_object('Kind', 'concern', 'Id', lower(json_extract("payload", '$.ConcernId')), 'Level', json_extract("payload", '$.Level'))
WHERE "topic" = 'concerns.acknowledge-deadline';
