-- 0005: screening responses. Anonymous responses keep only what aggregates need (no answers); identified
-- ones keep the person and the answers encrypted by the app. Derived with `kith model-script`, then reviewed.

CREATE TABLE screening_responses (
    id uuid NOT NULL,
    instrument_id character varying(40) NOT NULL,
    instrument_version character varying(10) NOT NULL,
    language character varying(10) NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    channel character varying(12) NOT NULL,
    campaign_id uuid,
    campaign_group character varying(60),
    area_id uuid,
    organisation_id uuid,
    score numeric(7,2) NOT NULL,
    scores character varying(200) NOT NULL,
    band character varying(40) NOT NULL,
    flags character varying(200) NOT NULL,
    safety character varying(20),
    concern_reference character varying(16),
    identified boolean NOT NULL,
    subject_name text,
    subject_identifier text,
    answers text,
    recorded_by character varying(100),
    CONSTRAINT pk_screening_responses PRIMARY KEY (id)
);

-- A campaign's aggregates by instrument; indicators by instrument and day.
CREATE INDEX ix_screening_responses_campaign_id_instrument_id ON screening_responses (campaign_id, instrument_id);
CREATE INDEX ix_screening_responses_instrument_id_submitted_at ON screening_responses (instrument_id, submitted_at);
