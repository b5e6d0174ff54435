-- Nobody is dropped (ADR 34): a paged conversation's escalation step and acknowledge deadline, the line it rolled
-- over from and when, and when it was found that no line could answer.
ALTER TABLE lines_conversations ADD COLUMN escalation_level integer NOT NULL DEFAULT 0;
ALTER TABLE lines_conversations ALTER COLUMN escalation_level DROP DEFAULT;
ALTER TABLE lines_conversations ADD COLUMN acknowledge_by timestamp with time zone;
ALTER TABLE lines_conversations ADD COLUMN rolled_from_line_id uuid;
ALTER TABLE lines_conversations ADD COLUMN rolled_over_at timestamp with time zone;
ALTER TABLE lines_conversations ADD COLUMN unanswered_at timestamp with time zone;
