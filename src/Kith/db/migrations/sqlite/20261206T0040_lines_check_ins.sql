-- Check-ins and caring contacts (ADR 38): a member's schedule on a line (the number encrypted at rest, erased when the
-- schedule ends or is stopped) and each due text, unique by schedule, kind and due time so it is made once across nodes.
ALTER TABLE "lines_lines" ADD COLUMN "caring_schedule" TEXT NULL;

CREATE TABLE "lines_check_ins" (
    "id" TEXT NOT NULL CONSTRAINT "pk_lines_check_ins" PRIMARY KEY,
    "line_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sender_hash" TEXT NOT NULL,
    "number" TEXT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "consent_how" TEXT NOT NULL,
    "consent_by" TEXT NULL,
    "consent_at" TEXT NOT NULL,
    "confirmed_at" TEXT NULL,
    "local_minutes" INTEGER NOT NULL,
    "weekdays" TEXT NOT NULL,
    "every_days" INTEGER NULL,
    "reply_within_hours" INTEGER NOT NULL,
    "sender_name" TEXT NULL,
    "due_dates" TEXT NOT NULL,
    "conversation_id" TEXT NULL,
    "next_due_at" TEXT NULL,
    "last_score" INTEGER NULL,
    "last_replied_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    CONSTRAINT "fk_lines_check_ins_lines_lines_line_id" FOREIGN KEY ("line_id") REFERENCES "lines_lines" ("id") ON DELETE RESTRICT
);
CREATE INDEX "ix_lines_check_ins_status_next_due_at" ON "lines_check_ins" ("status", "next_due_at");
CREATE INDEX "ix_lines_check_ins_sender_hash_line_id" ON "lines_check_ins" ("sender_hash", "line_id");
CREATE INDEX "ix_lines_check_ins_line_id" ON "lines_check_ins" ("line_id");

CREATE TABLE "lines_check_in_sends" (
    "id" TEXT NOT NULL CONSTRAINT "pk_lines_check_in_sends" PRIMARY KEY,
    "check_in_id" TEXT NOT NULL,
    "line_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "due_at" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "provider_id" TEXT NULL,
    "sent_at" TEXT NULL,
    "reply_by" TEXT NULL,
    "replied_at" TEXT NULL,
    "score" INTEGER NULL,
    "silent" INTEGER NOT NULL,
    "queue_conversation_id" TEXT NULL,
    CONSTRAINT "fk_lines_check_in_sends_lines_check_ins_check_in_id" FOREIGN KEY ("check_in_id") REFERENCES "lines_check_ins" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_lines_check_in_sends_check_in_id_kind_due_at" ON "lines_check_in_sends" ("check_in_id", "kind", "due_at");
CREATE INDEX "ix_lines_check_in_sends_status_reply_by" ON "lines_check_in_sends" ("status", "reply_by");
