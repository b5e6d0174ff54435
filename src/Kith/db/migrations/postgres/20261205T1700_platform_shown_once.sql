-- Results shown once after a redirect, and writes taken once per key (ADR 26).

-- A result waiting for the page a POST redirects to: at most ten minutes, content encrypted, only a hash of the
-- cookie's random id kept.
CREATE TABLE platform_shown_once (
    id_hash character varying(64) NOT NULL,
    kind character varying(50) NOT NULL,
    content text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_platform_shown_once PRIMARY KEY (id_hash)
);
CREATE INDEX ix_platform_shown_once_expires_at ON platform_shown_once (expires_at);

-- One row per key (a form's one-time token, an API's Idempotency-Key): the primary key lets exactly one of two
-- requests at once insert it. Keys and bodies as keyed hashes; the answer encrypted.
CREATE TABLE platform_sent_once (
    scope character varying(50) NOT NULL,
    key_hash character varying(64) NOT NULL,
    fingerprint character varying(64) NOT NULL,
    status integer,
    response text,
    created_at timestamp with time zone NOT NULL,
    replay_until timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_platform_sent_once PRIMARY KEY (scope, key_hash)
);
CREATE INDEX ix_platform_sent_once_expires_at ON platform_sent_once (expires_at);
