-- The short survey after a group session (issue 15, item 4): how helpful it was and a comment (encrypted at rest),
-- with no member kept — only a keyed hash that stops one person answering twice for one session.
CREATE TABLE "groups_feedback" (
    "id" TEXT NOT NULL CONSTRAINT "pk_groups_feedback" PRIMARY KEY,
    "group_id" TEXT NOT NULL,
    "session_local" TEXT NOT NULL,
    "helpful" INTEGER NOT NULL,
    "comment" TEXT NULL,
    "passed_to_responder" INTEGER NOT NULL,
    "once_hash" TEXT NOT NULL,
    "given_at" TEXT NOT NULL,
    CONSTRAINT "fk_groups_feedback_groups_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups_groups" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_groups_feedback_once_hash" ON "groups_feedback" ("once_hash");
CREATE INDEX "ix_groups_feedback_group_id_session_local" ON "groups_feedback" ("group_id", "session_local");

-- Paired WHO-5 for a group's evaluation: before and after, paired by a keyed hash of the member's place, no member kept.
CREATE TABLE "groups_outcomes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_groups_outcomes" PRIMARY KEY,
    "group_id" TEXT NOT NULL,
    "moment" TEXT NOT NULL,
    "pair_hash" TEXT NOT NULL,
    "percentage" INTEGER NOT NULL,
    "band" TEXT NOT NULL,
    "given_at" TEXT NOT NULL,
    CONSTRAINT "fk_groups_outcomes_groups_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups_groups" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_groups_outcomes_pair_hash_moment" ON "groups_outcomes" ("pair_hash", "moment");
CREATE INDEX "ix_groups_outcomes_group_id" ON "groups_outcomes" ("group_id");
