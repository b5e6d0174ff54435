-- 0003: concerns: reports, their messages and case history, teams, on-call rotas, routing rules,
-- the deployment's status table (seeded with the defaults), alerts, and the receipt-guessing brake.
-- Derived from the EF model with `kith model-script`, then reviewed; the schema test keeps them in step.

CREATE TABLE "concerns_reports" (
    "id" TEXT NOT NULL CONSTRAINT "pk_concerns_reports" PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "receipt_hash" TEXT NULL,
    "submitted_at" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "filed_by" TEXT NULL,
    "about" TEXT NOT NULL,
    "categories" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "narrative" TEXT NULL,
    "language" TEXT NOT NULL,
    "organisation_id" TEXT NULL,
    "area_id" TEXT NULL,
    "tier" TEXT NOT NULL,
    "triage_rules" TEXT NOT NULL,
    "anonymous" INTEGER NOT NULL,
    "contact_name" TEXT NULL,
    "contact_phone" TEXT NULL,
    "contact_email" TEXT NULL,
    "team_id" TEXT NULL,
    "routing_rule_id" TEXT NULL,
    "assigned_to" TEXT NULL,
    "status" TEXT NOT NULL,
    "status_changed_at" TEXT NOT NULL,
    "acknowledge_by" TEXT NOT NULL,
    "acknowledged_at" TEXT NULL,
    "acknowledged_by" TEXT NULL,
    "escalation_level" INTEGER NOT NULL,
    "closed_at" TEXT NULL,
    "outcome" TEXT NULL,
    "flag" TEXT NULL,
    "last_reporter_activity_at" TEXT NULL,
    "purged_at" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    "revision" INTEGER NOT NULL
);

CREATE TABLE "concerns_statuses" (
    "code" TEXT NOT NULL CONSTRAINT "pk_concerns_statuses" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL
);

CREATE TABLE "concerns_teams" (
    "id" TEXT NOT NULL CONSTRAINT "pk_concerns_teams" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "organisation_id" TEXT NULL,
    "lead_user_id" TEXT NULL,
    "backup_team_id" TEXT NULL,
    "active" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE TABLE "concerns_receipt_failures" (
    "minute" TEXT NOT NULL CONSTRAINT "pk_concerns_receipt_failures" PRIMARY KEY,
    "failures" INTEGER NOT NULL
);

CREATE TABLE "concerns_alerts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_concerns_alerts" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "concern_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "seen_at" TEXT NULL,
    CONSTRAINT "fk_concerns_alerts_concerns_reports_concern_id" FOREIGN KEY ("concern_id") REFERENCES "concerns_reports" ("id") ON DELETE CASCADE
);

CREATE TABLE "concerns_hand_offs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_concerns_hand_offs" PRIMARY KEY,
    "concern_id" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "from_team_id" TEXT NULL,
    "to_team_id" TEXT NOT NULL,
    "by_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    CONSTRAINT "fk_concerns_hand_offs_concerns_reports_concern_id" FOREIGN KEY ("concern_id") REFERENCES "concerns_reports" ("id") ON DELETE CASCADE
);

CREATE TABLE "concerns_interventions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_concerns_interventions" PRIMARY KEY,
    "concern_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "occurred_on" TEXT NOT NULL,
    "by_id" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    "notes" TEXT NULL,
    CONSTRAINT "fk_concerns_interventions_concerns_reports_concern_id" FOREIGN KEY ("concern_id") REFERENCES "concerns_reports" ("id") ON DELETE CASCADE
);

CREATE TABLE "concerns_messages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_concerns_messages" PRIMARY KEY,
    "concern_id" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "author_id" TEXT NULL,
    "body" TEXT NOT NULL,
    CONSTRAINT "fk_concerns_messages_concerns_reports_concern_id" FOREIGN KEY ("concern_id") REFERENCES "concerns_reports" ("id") ON DELETE CASCADE
);

CREATE TABLE "concerns_status_changes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_concerns_status_changes" PRIMARY KEY,
    "concern_id" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "previous_status" TEXT NULL,
    "status" TEXT NOT NULL,
    "by_id" TEXT NULL,
    "reason" TEXT NULL,
    CONSTRAINT "fk_concerns_status_changes_concerns_reports_concern_id" FOREIGN KEY ("concern_id") REFERENCES "concerns_reports" ("id") ON DELETE CASCADE
);

CREATE TABLE "concerns_status_transitions" (
    "from_status" TEXT NOT NULL,
    "to_status" TEXT NOT NULL,
    "automatic_after_days" INTEGER NULL,
    CONSTRAINT "pk_concerns_status_transitions" PRIMARY KEY ("from_status", "to_status"),
    CONSTRAINT "fk_concerns_status_transitions_concerns_statuses_from_status" FOREIGN KEY ("from_status") REFERENCES "concerns_statuses" ("code") ON DELETE CASCADE,
    CONSTRAINT "fk_concerns_status_transitions_concerns_statuses_to_status" FOREIGN KEY ("to_status") REFERENCES "concerns_statuses" ("code") ON DELETE CASCADE
);

CREATE TABLE "concerns_on_call" (
    "id" TEXT NOT NULL CONSTRAINT "pk_concerns_on_call" PRIMARY KEY,
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "starts_at" TEXT NOT NULL,
    "ends_at" TEXT NOT NULL,
    CONSTRAINT "fk_concerns_on_call_concerns_teams_team_id" FOREIGN KEY ("team_id") REFERENCES "concerns_teams" ("id") ON DELETE CASCADE
);

CREATE TABLE "concerns_routing_rules" (
    "id" TEXT NOT NULL CONSTRAINT "pk_concerns_routing_rules" PRIMARY KEY,
    "position" INTEGER NOT NULL,
    "organisation_id" TEXT NULL,
    "area_id" TEXT NULL,
    "category" TEXT NULL,
    "language" TEXT NULL,
    "tier" TEXT NULL,
    "team_id" TEXT NOT NULL,
    "active" INTEGER NOT NULL,
    CONSTRAINT "fk_concerns_routing_rules_concerns_teams_team_id" FOREIGN KEY ("team_id") REFERENCES "concerns_teams" ("id") ON DELETE RESTRICT
);

CREATE TABLE "concerns_team_members" (
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "email_alerts" INTEGER NOT NULL,
    "sms_alerts" INTEGER NOT NULL,
    CONSTRAINT "pk_concerns_team_members" PRIMARY KEY ("team_id", "user_id"),
    CONSTRAINT "fk_concerns_team_members_concerns_teams_team_id" FOREIGN KEY ("team_id") REFERENCES "concerns_teams" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_concerns_alerts_concern_id" ON "concerns_alerts" ("concern_id");

CREATE UNIQUE INDEX "ix_concerns_alerts_user_id_concern_id_kind_level" ON "concerns_alerts" ("user_id", "concern_id", "kind", "level");

CREATE INDEX "ix_concerns_hand_offs_concern_id" ON "concerns_hand_offs" ("concern_id");

CREATE INDEX "ix_concerns_interventions_concern_id" ON "concerns_interventions" ("concern_id");

CREATE INDEX "ix_concerns_messages_concern_id_at" ON "concerns_messages" ("concern_id", "at");

CREATE INDEX "ix_concerns_on_call_team_id_starts_at" ON "concerns_on_call" ("team_id", "starts_at");

CREATE UNIQUE INDEX "ix_concerns_reports_receipt_hash" ON "concerns_reports" ("receipt_hash");

CREATE UNIQUE INDEX "ix_concerns_reports_reference" ON "concerns_reports" ("reference");

CREATE INDEX "ix_concerns_reports_submitted_at" ON "concerns_reports" ("submitted_at");

CREATE INDEX "ix_concerns_reports_team_id_closed_at" ON "concerns_reports" ("team_id", "closed_at");

CREATE INDEX "ix_concerns_routing_rules_team_id" ON "concerns_routing_rules" ("team_id");

CREATE INDEX "ix_concerns_status_changes_concern_id_at" ON "concerns_status_changes" ("concern_id", "at");

CREATE INDEX "ix_concerns_status_transitions_to_status" ON "concerns_status_transitions" ("to_status");

CREATE INDEX "ix_concerns_team_members_user_id" ON "concerns_team_members" ("user_id");

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
