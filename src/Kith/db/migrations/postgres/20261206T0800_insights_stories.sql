-- Insights stories (issue 16, item 6): short stories about a community's wellbeing, shared without a name and with
-- consent, moderated and de-identified before leaders see them beside the numbers. Words encrypted at rest; the week
-- only, never the day or time; the receipt's keyed hash withdraws a story.
CREATE TABLE insights_stories (
    id uuid NOT NULL,
    area_id uuid NOT NULL,
    week date NOT NULL,
    language character varying(8) NOT NULL,
    original text,
    published text,
    status character varying(12) NOT NULL,
    passed_to_responder boolean NOT NULL,
    receipt_hash character varying(64) NOT NULL,
    moderated_by character varying(64),
    moderated_at timestamp with time zone,
    CONSTRAINT pk_insights_stories PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_insights_stories_receipt_hash ON insights_stories (receipt_hash);
CREATE INDEX ix_insights_stories_status_week ON insights_stories (status, week);
