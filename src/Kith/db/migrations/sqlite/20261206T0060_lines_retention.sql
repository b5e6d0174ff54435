-- Retention of closed conversations: when their messages and their link to the sender were erased.
ALTER TABLE "lines_conversations" ADD COLUMN "purged_at" TEXT NULL;
