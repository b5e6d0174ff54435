-- Routing, transfers, the switchboard and sender flags of text lines (ADR 37): responders' languages, skills and
-- limit; each line's routing steps; a conversation's queue after a transfer (since when, for which team) and a warm
-- transfer's offer; redirects of a line's queue; block and abusive flags by the sender's keyed hash.
CREATE TABLE lines_responder_profiles (
    user_id character varying(100) NOT NULL,
    languages character varying(100) NOT NULL,
    skills character varying(700) NOT NULL,
    max_active integer,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_lines_responder_profiles PRIMARY KEY (user_id)
);

CREATE TABLE lines_routing_steps (
    line_id uuid NOT NULL,
    position integer NOT NULL,
    language boolean NOT NULL,
    skill character varying(30),
    seconds integer NOT NULL,
    CONSTRAINT pk_lines_routing_steps PRIMARY KEY (line_id, position),
    CONSTRAINT fk_lines_routing_steps_lines_lines_line_id FOREIGN KEY (line_id) REFERENCES lines_lines (id) ON DELETE CASCADE
);

CREATE TABLE lines_switches (
    id uuid NOT NULL,
    from_line_id uuid NOT NULL,
    to_line_id uuid NOT NULL,
    reason character varying(500) NOT NULL,
    started_by character varying(100) NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    ended_by character varying(100),
    CONSTRAINT pk_lines_switches PRIMARY KEY (id),
    CONSTRAINT fk_lines_switches_lines_lines_from_line_id FOREIGN KEY (from_line_id) REFERENCES lines_lines (id) ON DELETE RESTRICT,
    CONSTRAINT fk_lines_switches_lines_lines_to_line_id FOREIGN KEY (to_line_id) REFERENCES lines_lines (id) ON DELETE RESTRICT
);
CREATE INDEX ix_lines_switches_from_line_id_ends_at ON lines_switches (from_line_id, ends_at);
CREATE INDEX ix_lines_switches_to_line_id ON lines_switches (to_line_id);

CREATE TABLE lines_sender_flags (
    id uuid NOT NULL,
    sender_hash character varying(64) NOT NULL,
    kind character varying(10) NOT NULL,
    reason text NOT NULL,
    conversation_id uuid,
    set_by character varying(100) NOT NULL,
    set_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone,
    lifted_at timestamp with time zone,
    lifted_by character varying(100),
    CONSTRAINT pk_lines_sender_flags PRIMARY KEY (id)
);
CREATE INDEX ix_lines_sender_flags_sender_hash_lifted_at ON lines_sender_flags (sender_hash, lifted_at);

ALTER TABLE lines_conversations ADD COLUMN queued_at timestamp with time zone;
ALTER TABLE lines_conversations ADD COLUMN team_id uuid;
ALTER TABLE lines_conversations ADD COLUMN offered_to character varying(100);
ALTER TABLE lines_conversations ADD COLUMN offered_by character varying(100);
ALTER TABLE lines_conversations ADD COLUMN offered_at timestamp with time zone;
