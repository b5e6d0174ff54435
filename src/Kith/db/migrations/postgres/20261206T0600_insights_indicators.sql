-- Insights (issue 16): indicators per area and local day, counted from the modules' published facts (aggregates only),
-- and the last counting run. Area 00000000-… is "no area known" (counted in the community's total only).
CREATE TABLE insights_indicator_days (
    indicator character varying(120) NOT NULL,
    area_id uuid NOT NULL,
    day date NOT NULL,
    count integer NOT NULL,
    sum double precision NOT NULL,
    CONSTRAINT pk_insights_indicator_days PRIMARY KEY (indicator, area_id, day)
);
CREATE INDEX ix_insights_indicator_days_day ON insights_indicator_days (day);

CREATE TABLE insights_indicator_runs (
    id integer NOT NULL,
    "from" date NOT NULL,
    "to" date NOT NULL,
    at timestamp with time zone NOT NULL,
    rebuild boolean NOT NULL,
    CONSTRAINT pk_insights_indicator_runs PRIMARY KEY (id)
);
