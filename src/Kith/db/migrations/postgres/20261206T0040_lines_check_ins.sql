-- Check-ins and caring contacts (ADR 38): a member's schedule on a line (the number encrypted at rest, erased when the
-- schedule ends or is stopped) and each due text, unique by schedule, kind and due time so it is made once across nodes.
ALTER TABLE lines_lines ADD COLUMN caring_schedule text;

CREATE TABLE lines_check_ins (
    id uuid NOT NULL,
    line_id uuid NOT NULL,
    kind character varying(10) NOT NULL,
    sender_hash character varying(64) NOT NULL,
    number text,
    language character varying(10) NOT NULL,
    status character varying(20) NOT NULL,
    consent_how character varying(200) NOT NULL,
    consent_by character varying(100),
    consent_at timestamp with time zone NOT NULL,
    confirmed_at timestamp with time zone,
    local_minutes integer NOT NULL,
    weekdays character varying(100) NOT NULL,
    every_days integer,
    reply_within_hours integer NOT NULL,
    sender_name character varying(40),
    due_dates character varying(1000) NOT NULL,
    conversation_id uuid,
    next_due_at timestamp with time zone,
    last_score integer,
    last_replied_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    revision integer NOT NULL,
    CONSTRAINT pk_lines_check_ins PRIMARY KEY (id),
    CONSTRAINT fk_lines_check_ins_lines_lines_line_id FOREIGN KEY (line_id) REFERENCES lines_lines (id) ON DELETE RESTRICT
);
CREATE INDEX ix_lines_check_ins_status_next_due_at ON lines_check_ins (status, next_due_at);
CREATE INDEX ix_lines_check_ins_sender_hash_line_id ON lines_check_ins (sender_hash, line_id);
CREATE INDEX ix_lines_check_ins_line_id ON lines_check_ins (line_id);

CREATE TABLE lines_check_in_sends (
    id uuid NOT NULL,
    check_in_id uuid NOT NULL,
    line_id uuid NOT NULL,
    kind character varying(10) NOT NULL,
    due_at timestamp with time zone NOT NULL,
    status character varying(20) NOT NULL,
    provider_id character varying(64),
    sent_at timestamp with time zone,
    reply_by timestamp with time zone,
    replied_at timestamp with time zone,
    score integer,
    silent boolean NOT NULL,
    queue_conversation_id uuid,
    CONSTRAINT pk_lines_check_in_sends PRIMARY KEY (id),
    CONSTRAINT fk_lines_check_in_sends_lines_check_ins_check_in_id FOREIGN KEY (check_in_id) REFERENCES lines_check_ins (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_lines_check_in_sends_check_in_id_kind_due_at ON lines_check_in_sends (check_in_id, kind, due_at);
CREATE INDEX ix_lines_check_in_sends_status_reply_by ON lines_check_in_sends (status, reply_by);
