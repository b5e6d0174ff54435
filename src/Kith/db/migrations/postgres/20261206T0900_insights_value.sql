-- Insights prevention value (issue 16, item 6): the assumptions behind the estimate, one row per version, never
-- updated — an edit adds the next version, so the page can show who changed what and when.
CREATE TABLE insights_value_assumptions (
    id uuid NOT NULL,
    version integer NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    changed_by character varying(64) NOT NULL,
    changed_by_name character varying(200) NOT NULL,
    cost_basis character varying(20) NOT NULL,
    cost numeric NOT NULL,
    cost_note character varying(1000),
    reach integer NOT NULL,
    reach_note character varying(1000),
    effect numeric NOT NULL,
    effect_low numeric NOT NULL,
    effect_high numeric NOT NULL,
    effect_note character varying(1000),
    cost_averted numeric NOT NULL,
    cost_averted_note character varying(1000),
    return_per_dollar numeric,
    return_source character varying(300),
    return_link character varying(500),
    return_note character varying(1000),
    CONSTRAINT pk_insights_value_assumptions PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_insights_value_assumptions_version ON insights_value_assumptions (version);
