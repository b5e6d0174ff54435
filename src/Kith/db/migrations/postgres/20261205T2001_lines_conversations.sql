-- Conversations and messages of text lines (ADR 34). The sender is kept as a keyed hash (the key is in the key ring)
-- and, while a reply may be needed, as the number encrypted at rest; message text is encrypted at rest. Opt-outs by
-- keyed hash only.
CREATE TABLE lines_conversations (
    id uuid NOT NULL,
    reference character varying(16) NOT NULL,
    line_id uuid NOT NULL,
    channel character varying(10) NOT NULL,
    language character varying(10) NOT NULL,
    tier character varying(10) NOT NULL,
    tier_rules character varying(2000) NOT NULL,
    status character varying(10) NOT NULL,
    assigned_to character varying(100),
    sender_hash character varying(64) NOT NULL,
    sender_number text,
    opted_out boolean NOT NULL,
    started_at timestamp with time zone NOT NULL,
    last_message_at timestamp with time zone NOT NULL,
    assigned_at timestamp with time zone,
    closed_at timestamp with time zone,
    disposition character varying(40),
    revision integer NOT NULL,
    CONSTRAINT pk_lines_conversations PRIMARY KEY (id),
    CONSTRAINT fk_lines_conversations_lines_lines_line_id FOREIGN KEY (line_id) REFERENCES lines_lines (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_lines_conversations_reference ON lines_conversations (reference);
CREATE INDEX ix_lines_conversations_sender_hash_closed_at ON lines_conversations (sender_hash, closed_at);
CREATE INDEX ix_lines_conversations_line_id_status_started_at ON lines_conversations (line_id, status, started_at);

CREATE TABLE lines_messages (
    id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    direction character varying(3) NOT NULL,
    text text NOT NULL,
    at timestamp with time zone NOT NULL,
    author_id character varying(100),
    provider_id character varying(64),
    delivery_status character varying(30),
    status_at timestamp with time zone,
    CONSTRAINT pk_lines_messages PRIMARY KEY (id),
    CONSTRAINT fk_lines_messages_lines_conversations_conversation_id FOREIGN KEY (conversation_id) REFERENCES lines_conversations (id) ON DELETE CASCADE
);
CREATE INDEX ix_lines_messages_conversation_id_at ON lines_messages (conversation_id, at);
CREATE INDEX ix_lines_messages_provider_id ON lines_messages (provider_id);

CREATE TABLE lines_opt_outs (
    sender_hash character varying(64) NOT NULL,
    at timestamp with time zone NOT NULL,
    CONSTRAINT pk_lines_opt_outs PRIMARY KEY (sender_hash)
);
