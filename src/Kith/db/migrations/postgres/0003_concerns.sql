-- 0003: concerns: reports, their messages and case history, teams, on-call rotas, routing rules,
-- the deployment's status table (seeded with the defaults), alerts, and the receipt-guessing brake.
-- Derived from the EF model with `kith model-script`, then reviewed; the schema test keeps them in step.

CREATE TABLE concerns_reports (
    id uuid NOT NULL,
    reference character varying(16) NOT NULL,
    receipt_hash character varying(64),
    submitted_at timestamp with time zone NOT NULL,
    channel character varying(10) NOT NULL,
    filed_by character varying(100),
    about character varying(20) NOT NULL,
    categories character varying(200) NOT NULL,
    urgency character varying(20) NOT NULL,
    narrative text,
    language character varying(10) NOT NULL,
    organisation_id uuid,
    area_id uuid,
    tier character varying(10) NOT NULL,
    triage_rules character varying(2000) NOT NULL,
    anonymous boolean NOT NULL,
    contact_name text,
    contact_phone text,
    contact_email text,
    team_id uuid,
    routing_rule_id uuid,
    assigned_to character varying(100),
    status character varying(40) NOT NULL,
    status_changed_at timestamp with time zone NOT NULL,
    acknowledge_by timestamp with time zone NOT NULL,
    acknowledged_at timestamp with time zone,
    acknowledged_by character varying(100),
    escalation_level integer NOT NULL,
    closed_at timestamp with time zone,
    outcome character varying(60),
    flag character varying(20),
    last_reporter_activity_at timestamp with time zone,
    purged_at timestamp with time zone,
    updated_at timestamp with time zone NOT NULL,
    revision integer NOT NULL,
    CONSTRAINT pk_concerns_reports PRIMARY KEY (id)
);

CREATE TABLE concerns_statuses (
    code character varying(40) NOT NULL,
    name character varying(100) NOT NULL,
    position integer NOT NULL,
    kind character varying(10) NOT NULL,
    CONSTRAINT pk_concerns_statuses PRIMARY KEY (code)
);

CREATE TABLE concerns_teams (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    organisation_id uuid,
    lead_user_id character varying(100),
    backup_team_id uuid,
    active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_concerns_teams PRIMARY KEY (id)
);

CREATE TABLE concerns_receipt_failures (
    minute timestamp with time zone NOT NULL,
    failures integer NOT NULL,
    CONSTRAINT pk_concerns_receipt_failures PRIMARY KEY (minute)
);

CREATE TABLE concerns_alerts (
    id uuid NOT NULL,
    user_id character varying(100) NOT NULL,
    concern_id uuid NOT NULL,
    kind character varying(30) NOT NULL,
    level integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    seen_at timestamp with time zone,
    CONSTRAINT pk_concerns_alerts PRIMARY KEY (id),
    CONSTRAINT fk_concerns_alerts_concerns_reports_concern_id FOREIGN KEY (concern_id) REFERENCES concerns_reports (id) ON DELETE CASCADE
);

CREATE TABLE concerns_hand_offs (
    id uuid NOT NULL,
    concern_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    from_team_id uuid,
    to_team_id uuid NOT NULL,
    by_id character varying(100) NOT NULL,
    reason text NOT NULL,
    CONSTRAINT pk_concerns_hand_offs PRIMARY KEY (id),
    CONSTRAINT fk_concerns_hand_offs_concerns_reports_concern_id FOREIGN KEY (concern_id) REFERENCES concerns_reports (id) ON DELETE CASCADE
);

CREATE TABLE concerns_interventions (
    id uuid NOT NULL,
    concern_id uuid NOT NULL,
    type character varying(40) NOT NULL,
    occurred_on date NOT NULL,
    by_id character varying(100) NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    notes text,
    CONSTRAINT pk_concerns_interventions PRIMARY KEY (id),
    CONSTRAINT fk_concerns_interventions_concerns_reports_concern_id FOREIGN KEY (concern_id) REFERENCES concerns_reports (id) ON DELETE CASCADE
);

CREATE TABLE concerns_messages (
    id uuid NOT NULL,
    concern_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    kind character varying(20) NOT NULL,
    author_id character varying(100),
    body text NOT NULL,
    CONSTRAINT pk_concerns_messages PRIMARY KEY (id),
    CONSTRAINT fk_concerns_messages_concerns_reports_concern_id FOREIGN KEY (concern_id) REFERENCES concerns_reports (id) ON DELETE CASCADE
);

CREATE TABLE concerns_status_changes (
    id uuid NOT NULL,
    concern_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    previous_status character varying(40),
    status character varying(40) NOT NULL,
    by_id character varying(100),
    reason text,
    CONSTRAINT pk_concerns_status_changes PRIMARY KEY (id),
    CONSTRAINT fk_concerns_status_changes_concerns_reports_concern_id FOREIGN KEY (concern_id) REFERENCES concerns_reports (id) ON DELETE CASCADE
);

CREATE TABLE concerns_status_transitions (
    from_status character varying(40) NOT NULL,
    to_status character varying(40) NOT NULL,
    automatic_after_days integer,
    CONSTRAINT pk_concerns_status_transitions PRIMARY KEY (from_status, to_status),
    CONSTRAINT fk_concerns_status_transitions_concerns_statuses_from_status FOREIGN KEY (from_status) REFERENCES concerns_statuses (code) ON DELETE CASCADE,
    CONSTRAINT fk_concerns_status_transitions_concerns_statuses_to_status FOREIGN KEY (to_status) REFERENCES concerns_statuses (code) ON DELETE CASCADE
);

CREATE TABLE concerns_on_call (
    id uuid NOT NULL,
    team_id uuid NOT NULL,
    user_id character varying(100) NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_concerns_on_call PRIMARY KEY (id),
    CONSTRAINT fk_concerns_on_call_concerns_teams_team_id FOREIGN KEY (team_id) REFERENCES concerns_teams (id) ON DELETE CASCADE
);

CREATE TABLE concerns_routing_rules (
    id uuid NOT NULL,
    position integer NOT NULL,
    organisation_id uuid,
    area_id uuid,
    category character varying(40),
    language character varying(10),
    tier character varying(10),
    team_id uuid NOT NULL,
    active boolean NOT NULL,
    CONSTRAINT pk_concerns_routing_rules PRIMARY KEY (id),
    CONSTRAINT fk_concerns_routing_rules_concerns_teams_team_id FOREIGN KEY (team_id) REFERENCES concerns_teams (id) ON DELETE RESTRICT
);

CREATE TABLE concerns_team_members (
    team_id uuid NOT NULL,
    user_id character varying(100) NOT NULL,
    email_alerts boolean NOT NULL,
    sms_alerts boolean NOT NULL,
    CONSTRAINT pk_concerns_team_members PRIMARY KEY (team_id, user_id),
    CONSTRAINT fk_concerns_team_members_concerns_teams_team_id FOREIGN KEY (team_id) REFERENCES concerns_teams (id) ON DELETE CASCADE
);

CREATE INDEX ix_concerns_alerts_concern_id ON concerns_alerts (concern_id);

CREATE UNIQUE INDEX ix_concerns_alerts_user_id_concern_id_kind_level ON concerns_alerts (user_id, concern_id, kind, level);

CREATE INDEX ix_concerns_hand_offs_concern_id ON concerns_hand_offs (concern_id);

CREATE INDEX ix_concerns_interventions_concern_id ON concerns_interventions (concern_id);

CREATE INDEX ix_concerns_messages_concern_id_at ON concerns_messages (concern_id, at);

CREATE INDEX ix_concerns_on_call_team_id_starts_at ON concerns_on_call (team_id, starts_at);

CREATE UNIQUE INDEX ix_concerns_reports_receipt_hash ON concerns_reports (receipt_hash);

CREATE UNIQUE INDEX ix_concerns_reports_reference ON concerns_reports (reference);

CREATE INDEX ix_concerns_reports_submitted_at ON concerns_reports (submitted_at);

CREATE INDEX ix_concerns_reports_team_id_closed_at ON concerns_reports (team_id, closed_at);

CREATE INDEX ix_concerns_routing_rules_team_id ON concerns_routing_rules (team_id);

CREATE INDEX ix_concerns_status_changes_concern_id_at ON concerns_status_changes (concern_id, at);

CREATE INDEX ix_concerns_status_transitions_to_status ON concerns_status_transitions (to_status);

CREATE INDEX ix_concerns_team_members_user_id ON concerns_team_members (user_id);

-- The default case life-cycle. A deployment may rename, add or remove statuses and transitions.
INSERT INTO concerns_statuses (code, name, position, kind) VALUES
    ('new', 'New', 1, 'new'),
    ('acknowledged', 'Acknowledged', 2, 'open'),
    ('in_progress', 'In progress', 3, 'open'),
    ('waiting_for_reporter', 'Waiting for the reporter', 4, 'waiting'),
    ('closed', 'Closed', 5, 'closed');

INSERT INTO concerns_status_transitions (from_status, to_status, automatic_after_days) VALUES
    ('new', 'acknowledged', NULL),
    ('new', 'in_progress', NULL),
    ('new', 'closed', NULL),
    ('acknowledged', 'in_progress', NULL),
    ('acknowledged', 'waiting_for_reporter', NULL),
    ('acknowledged', 'closed', NULL),
    ('in_progress', 'waiting_for_reporter', NULL),
    ('in_progress', 'closed', NULL),
    ('waiting_for_reporter', 'in_progress', NULL),
    ('waiting_for_reporter', 'closed', 14),
    ('closed', 'in_progress', NULL);
