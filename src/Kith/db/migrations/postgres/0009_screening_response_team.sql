-- 0009: the team that recorded an identified screening response; it (with the team holding the concern the
-- response raised, and administrators) is who may read it. Rows from before are left without a team: only
-- administrators and the concern's team read them (ADR 13 — no team can be derived safely from today's membership).

ALTER TABLE screening_responses ADD COLUMN team_id uuid;

CREATE INDEX ix_screening_responses_team_id_submitted_at ON screening_responses (team_id, submitted_at);
