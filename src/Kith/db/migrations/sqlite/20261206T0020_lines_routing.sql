-- Routing, transfers, the switchboard and sender flags of text lines (ADR 37): responders' languages, skills and
-- limit; each line's routing steps; a conversation's queue after a transfer (since when, for which team) and a warm
-- transfer's offer; redirects of a line's queue; block and abusive flags by the sender's keyed hash.
CREATE TABLE "lines_responder_profiles" (
    "user_id" TEXT NOT NULL CONSTRAINT "pk_lines_responder_profiles" PRIMARY KEY,
    "languages" TEXT NOT NULL,
    "skills" TEXT NOT NULL,
    "max_active" INTEGER NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "lines_routing_steps" (
    "line_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "language" INTEGER NOT NULL,
    "skill" TEXT NULL,
    "seconds" INTEGER NOT NULL,
    CONSTRAINT "pk_lines_routing_steps" PRIMARY KEY ("line_id", "position"),
    CONSTRAINT "fk_lines_routing_steps_lines_lines_line_id" FOREIGN KEY ("line_id") REFERENCES "lines_lines" ("id") ON DELETE CASCADE
);

CREATE TABLE "lines_switches" (
    "id" TEXT NOT NULL CONSTRAINT "pk_lines_switches" PRIMARY KEY,
    "from_line_id" TEXT NOT NULL,
    "to_line_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "started_by" TEXT NOT NULL,
    "starts_at" TEXT NOT NULL,
    "ends_at" TEXT NOT NULL,
    "ended_at" TEXT NULL,
    "ended_by" TEXT NULL,
    CONSTRAINT "fk_lines_switches_lines_lines_from_line_id" FOREIGN KEY ("from_line_id") REFERENCES "lines_lines" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_lines_switches_lines_lines_to_line_id" FOREIGN KEY ("to_line_id") REFERENCES "lines_lines" ("id") ON DELETE RESTRICT
);
CREATE INDEX "ix_lines_switches_from_line_id_ends_at" ON "lines_switches" ("from_line_id", "ends_at");
CREATE INDEX "ix_lines_switches_to_line_id" ON "lines_switches" ("to_line_id");

CREATE TABLE "lines_sender_flags" (
    "id" TEXT NOT NULL CONSTRAINT "pk_lines_sender_flags" PRIMARY KEY,
    "sender_hash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "conversation_id" TEXT NULL,
    "set_by" TEXT NOT NULL,
    "set_at" TEXT NOT NULL,
    "expires_at" TEXT NULL,
    "lifted_at" TEXT NULL,
    "lifted_by" TEXT NULL
);
CREATE INDEX "ix_lines_sender_flags_sender_hash_lifted_at" ON "lines_sender_flags" ("sender_hash", "lifted_at");

ALTER TABLE "lines_conversations" ADD COLUMN "queued_at" TEXT NULL;
ALTER TABLE "lines_conversations" ADD COLUMN "team_id" TEXT NULL;
ALTER TABLE "lines_conversations" ADD COLUMN "offered_to" TEXT NULL;
ALTER TABLE "lines_conversations" ADD COLUMN "offered_by" TEXT NULL;
ALTER TABLE "lines_conversations" ADD COLUMN "offered_at" TEXT NULL;
