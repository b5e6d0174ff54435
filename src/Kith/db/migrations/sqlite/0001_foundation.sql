-- 0001: platform (audit log, outbox, jobs) and community (organisations, areas, staff accounts).
-- Derived from the EF model with `kith model-script`, then reviewed; the schema test keeps them in step.

CREATE TABLE "community_areas" (
    "id" TEXT NOT NULL CONSTRAINT "pk_community_areas" PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NULL,
    "population" INTEGER NOT NULL,
    "boundary_geo_json" TEXT NOT NULL,
    "centroid_latitude" REAL NOT NULL,
    "centroid_longitude" REAL NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "community_roles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_community_roles" PRIMARY KEY,
    "name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "concurrency_stamp" TEXT NULL
);

CREATE TABLE "community_staff" (
    "id" TEXT NOT NULL CONSTRAINT "pk_community_staff" PRIMARY KEY,
    "display_name" TEXT NOT NULL,
    "must_change_password" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL
);

CREATE TABLE "platform_audit_log" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_platform_audit_log" PRIMARY KEY,
    "at" TEXT NOT NULL,
    "actor_id" TEXT NULL,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NULL,
    "subject_id" TEXT NULL,
    "detail" TEXT NULL,
    "previous_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);

CREATE TABLE "platform_jobs" (
    "name" TEXT NOT NULL CONSTRAINT "pk_platform_jobs" PRIMARY KEY,
    "next_run_at" TEXT NOT NULL,
    "locked_by" TEXT NULL,
    "lease_token" TEXT NULL,
    "locked_until" TEXT NULL,
    "last_run_at" TEXT NULL,
    "last_error" TEXT NULL
);

CREATE TABLE "platform_outbox" (
    "id" TEXT NOT NULL CONSTRAINT "pk_platform_outbox" PRIMARY KEY,
    "topic" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "idempotency_key" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "due_at" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "locked_by" TEXT NULL,
    "lease_token" TEXT NULL,
    "locked_until" TEXT NULL,
    "completed_at" TEXT NULL,
    "failed_at" TEXT NULL,
    "last_error" TEXT NULL
);

CREATE TABLE "platform_probe_runs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_platform_probe_runs" PRIMARY KEY AUTOINCREMENT,
    "message_id" TEXT NOT NULL,
    "node_id" TEXT NOT NULL,
    "ran_at" TEXT NOT NULL
);

CREATE TABLE "community_organisations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_community_organisations" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "description" TEXT NULL,
    "website" TEXT NULL,
    "phone" TEXT NULL,
    "email" TEXT NULL,
    "area_id" TEXT NULL,
    "active" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_community_organisations_community_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "community_areas" ("id") ON DELETE SET NULL
);

CREATE TABLE "community_role_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_community_role_claims" PRIMARY KEY AUTOINCREMENT,
    "role_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_community_role_claims_community_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "community_roles" ("id") ON DELETE CASCADE
);

CREATE TABLE "community_staff_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_community_staff_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_community_staff_claims_community_staff_user_id" FOREIGN KEY ("user_id") REFERENCES "community_staff" ("id") ON DELETE CASCADE
);

CREATE TABLE "community_staff_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_community_staff_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_community_staff_logins_community_staff_user_id" FOREIGN KEY ("user_id") REFERENCES "community_staff" ("id") ON DELETE CASCADE
);

CREATE TABLE "community_staff_roles" (
    "user_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    CONSTRAINT "pk_community_staff_roles" PRIMARY KEY ("user_id", "role_id"),
    CONSTRAINT "fk_community_staff_roles_community_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "community_roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_community_staff_roles_community_staff_user_id" FOREIGN KEY ("user_id") REFERENCES "community_staff" ("id") ON DELETE CASCADE
);

CREATE TABLE "community_staff_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_community_staff_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_community_staff_tokens_community_staff_user_id" FOREIGN KEY ("user_id") REFERENCES "community_staff" ("id") ON DELETE CASCADE
);

CREATE TABLE "community_staff_organisations" (
    "user_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    CONSTRAINT "pk_community_staff_organisations" PRIMARY KEY ("user_id", "organisation_id"),
    CONSTRAINT "fk_community_staff_organisations_community_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "community_organisations" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_community_staff_organisations_community_staff_user_id" FOREIGN KEY ("user_id") REFERENCES "community_staff" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_community_areas_code" ON "community_areas" ("code");

CREATE INDEX "ix_community_organisations_area_id" ON "community_organisations" ("area_id");

CREATE UNIQUE INDEX "ix_community_organisations_name" ON "community_organisations" ("name");

CREATE INDEX "ix_community_role_claims_role_id" ON "community_role_claims" ("role_id");

CREATE UNIQUE INDEX "role_name_index" ON "community_roles" ("normalized_name");

CREATE INDEX "email_index" ON "community_staff" ("normalized_email");

CREATE UNIQUE INDEX "user_name_index" ON "community_staff" ("normalized_user_name");

CREATE INDEX "ix_community_staff_claims_user_id" ON "community_staff_claims" ("user_id");

CREATE INDEX "ix_community_staff_logins_user_id" ON "community_staff_logins" ("user_id");

CREATE INDEX "ix_community_staff_organisations_organisation_id" ON "community_staff_organisations" ("organisation_id");

CREATE INDEX "ix_community_staff_roles_role_id" ON "community_staff_roles" ("role_id");

CREATE INDEX "ix_platform_outbox_due_at" ON "platform_outbox" ("due_at") WHERE completed_at IS NULL AND failed_at IS NULL;

CREATE UNIQUE INDEX "ix_platform_outbox_idempotency_key" ON "platform_outbox" ("idempotency_key");

CREATE INDEX "ix_platform_probe_runs_message_id" ON "platform_probe_runs" ("message_id");

-- The audit log is append-only: the database itself refuses edits and deletions. (Whoever holds the
-- file can still drop the triggers; the hash chain and `kith audit verify` catch that.)
CREATE TRIGGER platform_audit_log_no_update BEFORE UPDATE ON platform_audit_log
BEGIN
    SELECT RAISE(ABORT, 'platform_audit_log is append-only');
END;
CREATE TRIGGER platform_audit_log_no_delete BEFORE DELETE ON platform_audit_log
BEGIN
    SELECT RAISE(ABORT, 'platform_audit_log is append-only');
END;

-- The four staff roles exist in every deployment.
INSERT INTO community_roles (id, name, normalized_name, concurrency_stamp) VALUES
    ('role-admin', 'admin', 'ADMIN', 'role-admin'),
    ('role-coordinator', 'coordinator', 'COORDINATOR', 'role-coordinator'),
    ('role-responder', 'responder', 'RESPONDER', 'role-responder'),
    ('role-leader', 'leader', 'LEADER', 'role-leader');
