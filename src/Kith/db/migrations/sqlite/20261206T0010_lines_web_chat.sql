-- Web chat (ADR 36): when a visitor ended the chat, so responders see they left.
ALTER TABLE "lines_conversations" ADD COLUMN "left_at" TEXT NULL;
