-- 0004: the development sink of Platform messaging: email and SMS kept instead of sent, until an operator
-- configures Kith:Messaging. The body is encrypted by the app (Data Protection), never stored in clear.
-- Derived from the EF model with `kith model-script`, then reviewed; the schema test keeps them in step.

CREATE TABLE platform_dev_messages (
    id uuid NOT NULL,
    channel character varying(10) NOT NULL,
    recipient character varying(320) NOT NULL,
    subject character varying(500) NOT NULL,
    body text NOT NULL,
    idempotency_key character varying(200) NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_platform_dev_messages PRIMARY KEY (id)
);

-- A message is kept once, however often the outbox runs it.
CREATE UNIQUE INDEX ix_platform_dev_messages_idempotency_key ON platform_dev_messages (idempotency_key);

CREATE INDEX ix_platform_dev_messages_sent_at ON platform_dev_messages (sent_at);
