-- 0006: personal safety plans. The content is sealed by the app (AES-GCM under a random data key); the data key
-- is stored only wrapped under keys derived from the person's code and, while shared, a share code. Codes are
-- stored only as keyed hashes. Nothing in this table is readable without a code.
-- Derived from the EF model with `kith model-script`, then reviewed; the schema test keeps them in step.

CREATE TABLE screening_safety_plans (
    id uuid NOT NULL,
    code_hash character varying(64) NOT NULL,
    code_salt bytea NOT NULL,
    code_key bytea NOT NULL,
    content bytea NOT NULL,
    share_hash character varying(64),
    share_salt bytea,
    share_key bytea,
    shared_until timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_screening_safety_plans PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_screening_safety_plans_code_hash ON screening_safety_plans (code_hash);

CREATE UNIQUE INDEX ix_screening_safety_plans_share_hash ON screening_safety_plans (share_hash);

-- Retention deletes plans nobody has opened or saved for 24 months.
CREATE INDEX ix_screening_safety_plans_last_used_at ON screening_safety_plans (last_used_at);
