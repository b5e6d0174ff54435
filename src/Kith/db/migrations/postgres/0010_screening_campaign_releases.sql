-- 0010: what each campaign's results showed, release by release, so figures published at different times never
-- combine to reveal one person (a count may change only by 0 or by at least the minimum cell size).

CREATE TABLE screening_campaign_releases (
    campaign_id uuid NOT NULL,
    instrument_id character varying(40) NOT NULL,
    number integer NOT NULL,
    released_at timestamp with time zone NOT NULL,
    figures text NOT NULL,
    counts text NOT NULL,
    CONSTRAINT pk_screening_campaign_releases PRIMARY KEY (campaign_id, instrument_id, number)
);
