-- Translations of directory text (ADR 29): one field of a service, organization or schedule in one language.
-- HSDS 3.0 has no translation object; exports carry these rows as the extension resource translations.csv.
CREATE TABLE directory_translations (
    id text NOT NULL,
    link_entity text NOT NULL,
    link_id text NOT NULL,
    field_name text NOT NULL,
    language text NOT NULL,
    value text NOT NULL,
    source_hash text,
    CONSTRAINT pk_directory_translations PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_directory_translations_key
    ON directory_translations (link_entity, link_id, field_name, language);

CREATE INDEX ix_directory_translations_language ON directory_translations (language);
