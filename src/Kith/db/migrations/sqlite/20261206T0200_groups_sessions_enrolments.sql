-- Groups and programmes (issue 15, items 1–2): the group and its RFC 5545 rule (session times are local wall-clock
-- times, stored as ISO text), sessions cancelled or moved, the people who joined (name and contact encrypted at rest,
-- their private code and calendar address as keyed hashes), their places in each group and who came to each session.
CREATE TABLE "groups_groups" (
    "id" TEXT NOT NULL CONSTRAINT "pk_groups_groups" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "focus" TEXT NULL,
    "description" TEXT NOT NULL,
    "needs" TEXT NOT NULL,
    "facilitators" TEXT NOT NULL,
    "location_id" TEXT NULL,
    "video_url" TEXT NULL,
    "first_start_local" TEXT NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "rule" TEXT NULL,
    "capacity" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "active" INTEGER NOT NULL,
    "service_id" TEXT NULL,
    "sequence" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "revision" INTEGER NOT NULL
);
CREATE INDEX "ix_groups_groups_organisation_id_name" ON "groups_groups" ("organisation_id", "name");

CREATE TABLE "groups_session_changes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_groups_session_changes" PRIMARY KEY,
    "group_id" TEXT NOT NULL,
    "original_start_local" TEXT NOT NULL,
    "cancelled" INTEGER NOT NULL,
    "moved_to_local" TEXT NULL,
    "changed_at" TEXT NOT NULL,
    CONSTRAINT "fk_groups_session_changes_groups_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups_groups" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_groups_session_changes_group_id_original_start_local" ON "groups_session_changes" ("group_id", "original_start_local");

CREATE TABLE "groups_members" (
    "id" TEXT NOT NULL CONSTRAINT "pk_groups_members" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "contact_route" TEXT NOT NULL,
    "contact" TEXT NULL,
    "neutral_titles" INTEGER NOT NULL,
    "code_hash" TEXT NOT NULL,
    "feed_hash" TEXT NOT NULL,
    "feed_version" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL
);
CREATE UNIQUE INDEX "ix_groups_members_code_hash" ON "groups_members" ("code_hash");
CREATE UNIQUE INDEX "ix_groups_members_feed_hash" ON "groups_members" ("feed_hash");

CREATE TABLE "groups_enrolments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_groups_enrolments" PRIMARY KEY,
    "group_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "needs_childcare" INTEGER NOT NULL,
    "needs_transport" INTEGER NOT NULL,
    "interpreter_language" TEXT NULL,
    "joined_at" TEXT NOT NULL,
    "promoted_at" TEXT NULL,
    "left_at" TEXT NULL,
    "revision" INTEGER NOT NULL,
    CONSTRAINT "fk_groups_enrolments_groups_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups_groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_groups_enrolments_groups_members_member_id" FOREIGN KEY ("member_id") REFERENCES "groups_members" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_groups_enrolments_group_id_member_id" ON "groups_enrolments" ("group_id", "member_id");
CREATE INDEX "ix_groups_enrolments_group_id_status_joined_at" ON "groups_enrolments" ("group_id", "status", "joined_at");
CREATE INDEX "ix_groups_enrolments_member_id" ON "groups_enrolments" ("member_id");

CREATE TABLE "groups_attendance" (
    "enrolment_id" TEXT NOT NULL,
    "session_local" TEXT NOT NULL,
    "present" INTEGER NOT NULL,
    "marked_at" TEXT NOT NULL,
    CONSTRAINT "pk_groups_attendance" PRIMARY KEY ("enrolment_id", "session_local"),
    CONSTRAINT "fk_groups_attendance_groups_enrolments_enrolment_id" FOREIGN KEY ("enrolment_id") REFERENCES "groups_enrolments" ("id") ON DELETE CASCADE
);
