-- 0016: HSDS 3.0 allows a schedule's freq to be only WEEKLY or MONTHLY (ADR 24). A DAILY row (the Riverbend demo's
-- 24-hour and every-day services, or an earlier import) becomes WEEKLY on every day of the week, or MONTHLY when
-- it names month days; an all-day row opens 00:00 and closes 23:59, which the recurrence reads as until midnight.
UPDATE directory_schedules SET
    freq = CASE WHEN trim(coalesce(bymonthday, '')) = '' THEN 'WEEKLY' ELSE 'MONTHLY' END,
    byday = CASE WHEN trim(coalesce(bymonthday, '')) = '' AND trim(coalesce(byday, '')) = '' THEN 'MO,TU,WE,TH,FR,SA,SU' ELSE byday END,
    opens_at = coalesce(opens_at, TIME '00:00'),
    closes_at = coalesce(closes_at, TIME '23:59')
WHERE upper(trim(freq)) = 'DAILY' AND ("interval" IS NULL OR "interval" <= 1);
-- "Every N days" has no HSDS 3.0 form. Without freq the document validates and Kith still reads the row as every
-- N days from its dtstart; import now refuses such a row, naming it.
UPDATE directory_schedules SET freq = NULL WHERE upper(trim(freq)) = 'DAILY';
UPDATE directory_schedules SET freq = upper(trim(freq)) WHERE upper(trim(freq)) IN ('WEEKLY', 'MONTHLY') AND freq <> upper(trim(freq));
-- Every node rebuilds its search index from the rewritten rows.
UPDATE directory_revision SET number = number + 1;
