-- The live console (issue 14): when the responder holding a conversation last read it, so "your conversations"
-- counts the texter's messages since then (unread).
ALTER TABLE lines_conversations ADD COLUMN holder_read_at timestamp with time zone;

-- Prepared replies per line (or all lines, no line) and language, written by administrators.
CREATE TABLE lines_canned_responses (
    id uuid NOT NULL,
    line_id uuid,
    language character varying(10) NOT NULL,
    title character varying(100) NOT NULL,
    text character varying(1600) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_lines_canned_responses PRIMARY KEY (id),
    CONSTRAINT fk_lines_canned_responses_lines_lines_line_id FOREIGN KEY (line_id) REFERENCES lines_lines (id) ON DELETE CASCADE
);
CREATE INDEX ix_lines_canned_responses_line_id_language ON lines_canned_responses (line_id, language);
