-- 0015: teams, rotas and alerts belong to Responders (ADR 18). An alert names its subject (kind, id, reference,
-- link, tier) instead of a concern; every existing alert becomes one about a concern. Pending acknowledgement
-- deadlines move to Responders' topic with the same keys, so none is lost or run twice.

ALTER TABLE concerns_teams RENAME TO responders_teams;
ALTER TABLE concerns_team_members RENAME TO responders_team_members;
ALTER TABLE concerns_on_call RENAME TO responders_on_call;

CREATE TABLE responders_alerts (
    id uuid NOT NULL,
    user_id character varying(100) NOT NULL,
    subject_kind character varying(20) NOT NULL,
    subject_id uuid NOT NULL,
    subject_reference character varying(40) NOT NULL,
    subject_link character varying(200) NOT NULL,
    subject_tier character varying(10) NOT NULL,
    kind character varying(30) NOT NULL,
    level integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    seen_at timestamp with time zone,
    CONSTRAINT pk_responders_alerts PRIMARY KEY (id)
);
INSERT INTO responders_alerts (id, user_id, subject_kind, subject_id, subject_reference, subject_link, subject_tier, kind, level, created_at, seen_at)
SELECT a.id, a.user_id, 'concern', a.concern_id, c.reference, '/staff/concerns/' || a.concern_id::text, c.tier, a.kind, a.level, a.created_at, a.seen_at
FROM concerns_alerts a JOIN concerns_reports c ON c.id = a.concern_id;
DROP TABLE concerns_alerts;
CREATE UNIQUE INDEX ix_responders_alerts_user_id_subject_kind_subject_id_kind_level
    ON responders_alerts (user_id, subject_kind, subject_id, kind, level);

UPDATE platform_outbox
SET topic = 'responders.acknowledge-deadline',
    payload = json_build_object('Kind', 'concern', 'Id', payload::json->>'ConcernId', 'Level', (payload::json->>'Level')::int)::text
WHERE topic = 'concerns.acknowledge-deadline';
