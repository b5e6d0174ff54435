-- Insights alerts (issue 16, item 4): spikes found by the alert job (once per indicator, area and week), what leaders
-- did about them (free text encrypted at rest), and which leaders watch which area.
CREATE TABLE insights_alerts (
    id uuid NOT NULL,
    reference character varying(12) NOT NULL,
    indicator character varying(120) NOT NULL,
    area_id uuid NOT NULL,
    week date NOT NULL,
    count integer NOT NULL,
    expected double precision NOT NULL,
    upper_bound double precision NOT NULL,
    method character varying(40) NOT NULL,
    raised_at timestamp with time zone NOT NULL,
    acknowledged_at timestamp with time zone,
    acknowledged_by character varying(64),
    action_kind character varying(30),
    action text,
    action_at timestamp with time zone,
    action_by character varying(64),
    outcome character varying(20),
    outcome_note text,
    outcome_at timestamp with time zone,
    revision integer NOT NULL,
    CONSTRAINT pk_insights_alerts PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_insights_alerts_indicator_area_id_week ON insights_alerts (indicator, area_id, week);
CREATE INDEX ix_insights_alerts_raised_at ON insights_alerts (raised_at);

CREATE TABLE insights_area_watches (
    area_id uuid NOT NULL,
    user_id character varying(64) NOT NULL,
    assigned_at timestamp with time zone NOT NULL,
    assigned_by character varying(64) NOT NULL,
    CONSTRAINT pk_insights_area_watches PRIMARY KEY (area_id, user_id)
);
