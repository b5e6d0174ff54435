-- The live console (issue 14): when the responder holding a conversation last read it, so "your conversations"
-- counts the texter's messages since then (unread).
ALTER TABLE lines_conversations ADD COLUMN holder_read_at timestamp with time zone;
