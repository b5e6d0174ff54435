-- Text lines configured by administrators (ADR 34): hours, holidays and automatic texts as small JSON/text values,
-- the answering teams as Responders' team ids (no foreign key across modules), and a backup line.
CREATE TABLE "lines_lines" (
    "id" TEXT NOT NULL CONSTRAINT "pk_lines_lines" PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "audience" TEXT NULL,
    "languages" TEXT NOT NULL,
    "sms_number" TEXT NULL,
    "short_code" TEXT NULL,
    "keyword" TEXT NULL,
    "time_zone" TEXT NOT NULL,
    "hours" TEXT NOT NULL,
    "holidays" TEXT NOT NULL,
    "texts" TEXT NOT NULL,
    "teams" TEXT NOT NULL,
    "backup_line_id" TEXT NULL,
    "max_wait_imminent_seconds" INTEGER NOT NULL,
    "max_wait_urgent_seconds" INTEGER NOT NULL,
    "max_wait_routine_seconds" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_lines_lines_lines_lines_backup_line_id" FOREIGN KEY ("backup_line_id") REFERENCES "lines_lines" ("id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "ix_lines_lines_slug" ON "lines_lines" ("slug");
CREATE UNIQUE INDEX "ix_lines_lines_sms_number" ON "lines_lines" ("sms_number");
CREATE INDEX "ix_lines_lines_backup_line_id" ON "lines_lines" ("backup_line_id");
