-- 0014: the receipt brake counts per bucket (ADR 16), and anonymous concerns keep their time only to the hour,
-- so the queue orders by an arrival number the database gives each concern.

-- Per-minute counts only brake the current minute: nothing worth keeping.
DROP TABLE concerns_receipt_failures;
CREATE TABLE concerns_receipt_failures (
    minute timestamp with time zone NOT NULL,
    bucket integer NOT NULL,
    failures integer NOT NULL,
    CONSTRAINT pk_concerns_receipt_failures PRIMARY KEY (minute, bucket)
);

-- Existing concerns are numbered in the order they came in (exact times still known here), then forget them.
ALTER TABLE concerns_reports ADD COLUMN arrival bigint NOT NULL DEFAULT 0;
UPDATE concerns_reports SET arrival = numbered.n
FROM (SELECT id, row_number() OVER (ORDER BY submitted_at, id) AS n FROM concerns_reports) AS numbered
WHERE concerns_reports.id = numbered.id;
UPDATE concerns_reports SET submitted_at = date_trunc('hour', submitted_at, 'UTC') WHERE anonymous;
ALTER TABLE concerns_reports ALTER COLUMN arrival DROP DEFAULT;
CREATE UNIQUE INDEX ix_concerns_reports_arrival ON concerns_reports (arrival);

-- Nodes insert at once: a sequence numbers them, whatever value the application sent.
CREATE SEQUENCE concerns_reports_arrival;
SELECT setval('concerns_reports_arrival', (SELECT COALESCE(MAX(arrival), 0) + 1 FROM concerns_reports), false);
CREATE FUNCTION concerns_reports_number_arrival() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.arrival := nextval('concerns_reports_arrival');
    RETURN NEW;
END
$$;
CREATE TRIGGER concerns_reports_number_arrival BEFORE INSERT ON concerns_reports
    FOR EACH ROW EXECUTE FUNCTION concerns_reports_number_arrival();
