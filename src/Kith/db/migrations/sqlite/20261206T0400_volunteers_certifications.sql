-- People who help (issue 15, item 5): lay leaders, ambassadors and volunteers of an organisation (name and contact
-- encrypted at rest, their private code as a keyed hash), the trainings they are certified in with each certificate's
-- last day, supervision notes (encrypted), and which of them a group schedules to lead and what training it requires.
CREATE TABLE "volunteers_volunteers" (
    "id" TEXT NOT NULL CONSTRAINT "pk_volunteers_volunteers" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "contact_route" TEXT NOT NULL,
    "contact" TEXT NULL,
    "supervisor_id" TEXT NULL,
    "status" TEXT NOT NULL,
    "opportunity_id" TEXT NULL,
    "code_hash" TEXT NULL,
    "submission_hash" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "revision" INTEGER NOT NULL
);
CREATE INDEX "ix_volunteers_volunteers_organisation_id_status" ON "volunteers_volunteers" ("organisation_id", "status");
CREATE UNIQUE INDEX "ix_volunteers_volunteers_code_hash" ON "volunteers_volunteers" ("code_hash");
CREATE UNIQUE INDEX "ix_volunteers_volunteers_submission_hash" ON "volunteers_volunteers" ("submission_hash");

CREATE TABLE "volunteers_opportunities" (
    "id" TEXT NOT NULL CONSTRAINT "pk_volunteers_opportunities" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "commitment" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "training_id" TEXT NULL,
    "open" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);
CREATE INDEX "ix_volunteers_opportunities_open_organisation_id" ON "volunteers_opportunities" ("open", "organisation_id");

CREATE TABLE "volunteers_trainings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_volunteers_trainings" PRIMARY KEY,
    "organisation_id" TEXT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "valid_months" INTEGER NOT NULL,
    "renewal_days" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL
);
CREATE UNIQUE INDEX "ix_volunteers_trainings_organisation_id_name" ON "volunteers_trainings" ("organisation_id", "name");

CREATE TABLE "volunteers_certifications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_volunteers_certifications" PRIMARY KEY,
    "volunteer_id" TEXT NOT NULL,
    "training_id" TEXT NOT NULL,
    "completed_on" TEXT NOT NULL,
    "expires_on" TEXT NOT NULL,
    "recorded_by" TEXT NULL,
    "recorded_at" TEXT NOT NULL,
    "renewal_notice_at" TEXT NULL,
    "lapse_notice_at" TEXT NULL,
    CONSTRAINT "fk_volunteers_certifications_volunteers_volunteers_volunteer_id" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers_volunteers" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_volunteers_certifications_volunteers_trainings_training_id" FOREIGN KEY ("training_id") REFERENCES "volunteers_trainings" ("id") ON DELETE RESTRICT
);
CREATE INDEX "ix_volunteers_certifications_volunteer_id_training_id" ON "volunteers_certifications" ("volunteer_id", "training_id");
CREATE INDEX "ix_volunteers_certifications_expires_on" ON "volunteers_certifications" ("expires_on");
CREATE INDEX "ix_volunteers_certifications_training_id" ON "volunteers_certifications" ("training_id");

CREATE TABLE "volunteers_supervision_notes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_volunteers_supervision_notes" PRIMARY KEY,
    "volunteer_id" TEXT NOT NULL,
    "supervisor_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "written_at" TEXT NOT NULL,
    CONSTRAINT "fk_volunteers_supervision_notes_volunteers_volunteers_volunteer_id" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers_volunteers" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_volunteers_supervision_notes_volunteer_id_written_at" ON "volunteers_supervision_notes" ("volunteer_id", "written_at");

ALTER TABLE "groups_groups" ADD "required_training_id" TEXT NULL;

CREATE TABLE "groups_leaders" (
    "group_id" TEXT NOT NULL,
    "volunteer_id" TEXT NOT NULL,
    CONSTRAINT "pk_groups_leaders" PRIMARY KEY ("group_id", "volunteer_id"),
    CONSTRAINT "fk_groups_leaders_groups_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups_groups" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_groups_leaders_volunteer_id" ON "groups_leaders" ("volunteer_id");

-- The trainings every deployment offers (organisations add their own): the certificate's usual term and renewal window.
INSERT INTO "volunteers_trainings" ("id", "organisation_id", "name", "kind", "valid_months", "renewal_days", "created_at") VALUES
    ('0193A5F0-0000-7000-8000-000000000001', NULL, 'Psychological First Aid', 'pfa', 36, 30, '2026-12-06 00:00:00'),
    ('0193A5F0-0000-7000-8000-000000000002', NULL, 'Mental Health First Aid', 'mhfa', 36, 30, '2026-12-06 00:00:00'),
    ('0193A5F0-0000-7000-8000-000000000003', NULL, 'QPR Gatekeeper', 'qpr', 24, 30, '2026-12-06 00:00:00');

CREATE TABLE "volunteers_wellbeing_check_ins" (
    "id" TEXT NOT NULL CONSTRAINT "pk_volunteers_wellbeing_check_ins" PRIMARY KEY,
    "volunteer_id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "given_at" TEXT NOT NULL,
    CONSTRAINT "fk_volunteers_wellbeing_check_ins_volunteers_volunteers_volunteer_id" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers_volunteers" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_volunteers_wellbeing_check_ins_volunteer_id_month" ON "volunteers_wellbeing_check_ins" ("volunteer_id", "month");

CREATE TABLE "volunteers_wellbeing_tallies" (
    "organisation_id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "band" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "pk_volunteers_wellbeing_tallies" PRIMARY KEY ("organisation_id", "month", "band")
);
