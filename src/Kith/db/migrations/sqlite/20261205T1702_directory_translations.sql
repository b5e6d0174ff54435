-- Translations of directory text (ADR 29): one field of a service, organization or schedule in one language.
-- HSDS 3.0 has no translation object; exports carry these rows as the extension resource translations.csv.
CREATE TABLE "directory_translations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_translations" PRIMARY KEY,
    "link_entity" TEXT NOT NULL,
    "link_id" TEXT NOT NULL,
    "field_name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "source_hash" TEXT NULL
);

CREATE UNIQUE INDEX "ix_directory_translations_key"
    ON "directory_translations" ("link_entity", "link_id", "field_name", "language");

CREATE INDEX "ix_directory_translations_language" ON "directory_translations" ("language");
