-- Conversations and messages of text lines (ADR 34). The sender is kept as a keyed hash (the key is in the key ring)
-- and, while a reply may be needed, as the number encrypted at rest; message text is encrypted at rest. Opt-outs by
-- keyed hash only.
CREATE TABLE "lines_conversations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_lines_conversations" PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "line_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "tier_rules" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "assigned_to" TEXT NULL,
    "sender_hash" TEXT NOT NULL,
    "sender_number" TEXT NULL,
    "opted_out" INTEGER NOT NULL,
    "started_at" TEXT NOT NULL,
    "last_message_at" TEXT NOT NULL,
    "assigned_at" TEXT NULL,
    "closed_at" TEXT NULL,
    "disposition" TEXT NULL,
    "revision" INTEGER NOT NULL,
    CONSTRAINT "fk_lines_conversations_lines_lines_line_id" FOREIGN KEY ("line_id") REFERENCES "lines_lines" ("id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "ix_lines_conversations_reference" ON "lines_conversations" ("reference");
CREATE INDEX "ix_lines_conversations_sender_hash_closed_at" ON "lines_conversations" ("sender_hash", "closed_at");
CREATE INDEX "ix_lines_conversations_line_id_status_started_at" ON "lines_conversations" ("line_id", "status", "started_at");

CREATE TABLE "lines_messages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_lines_messages" PRIMARY KEY,
    "conversation_id" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "author_id" TEXT NULL,
    "provider_id" TEXT NULL,
    "delivery_status" TEXT NULL,
    "status_at" TEXT NULL,
    CONSTRAINT "fk_lines_messages_lines_conversations_conversation_id" FOREIGN KEY ("conversation_id") REFERENCES "lines_conversations" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_lines_messages_conversation_id_at" ON "lines_messages" ("conversation_id", "at");
CREATE INDEX "ix_lines_messages_provider_id" ON "lines_messages" ("provider_id");

CREATE TABLE "lines_opt_outs" (
    "sender_hash" TEXT NOT NULL CONSTRAINT "pk_lines_opt_outs" PRIMARY KEY,
    "at" TEXT NOT NULL
);
