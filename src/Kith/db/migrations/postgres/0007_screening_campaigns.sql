-- 0007: screening campaigns. A campaign names its organisation, instruments and groups; its responses live in
-- screening_responses (campaign_id, campaign_group) and are only ever read as suppressed aggregates.

CREATE TABLE screening_campaigns (
    id uuid NOT NULL,
    code character varying(16) NOT NULL,
    name character varying(200) NOT NULL,
    organisation_id uuid NOT NULL,
    area_id uuid,
    audience character varying(200) NOT NULL,
    instruments character varying(400) NOT NULL,
    groups character varying(2000) NOT NULL,
    opens_on date NOT NULL,
    closes_on date NOT NULL,
    closed_early_at timestamp with time zone,
    created_by character varying(100) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_screening_campaigns PRIMARY KEY (id)
);

-- The public link finds its campaign by code; a coordinator lists their organisation's campaigns.
CREATE UNIQUE INDEX ix_screening_campaigns_code ON screening_campaigns (code);
CREATE INDEX ix_screening_campaigns_organisation_id ON screening_campaigns (organisation_id);
