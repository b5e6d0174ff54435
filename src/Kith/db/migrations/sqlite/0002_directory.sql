-- 0002: the service directory: the HSDS 3.0 tables (column names as the standard has them),
-- service capacity (HSDS 3.1), and the revision counter search indexes follow.
-- Derived from the EF model with `kith model-script`, then reviewed; the schema test keeps them in step.

CREATE TABLE "directory_accessibility" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_accessibility" PRIMARY KEY,
    "location_id" TEXT NULL,
    "description" TEXT NULL,
    "details" TEXT NULL,
    "url" TEXT NULL
);

CREATE TABLE "directory_addresses" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_addresses" PRIMARY KEY,
    "location_id" TEXT NULL,
    "attention" TEXT NULL,
    "address_1" TEXT NOT NULL,
    "address_2" TEXT NULL,
    "city" TEXT NOT NULL,
    "region" TEXT NULL,
    "state_province" TEXT NOT NULL,
    "postal_code" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "address_type" TEXT NOT NULL
);

CREATE TABLE "directory_attributes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_attributes" PRIMARY KEY,
    "link_id" TEXT NOT NULL,
    "taxonomy_term_id" TEXT NOT NULL,
    "link_type" TEXT NULL,
    "link_entity" TEXT NOT NULL,
    "value" TEXT NULL
);

CREATE TABLE "directory_contacts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_contacts" PRIMARY KEY,
    "organization_id" TEXT NULL,
    "service_id" TEXT NULL,
    "service_at_location_id" TEXT NULL,
    "location_id" TEXT NULL,
    "name" TEXT NULL,
    "title" TEXT NULL,
    "department" TEXT NULL,
    "email" TEXT NULL
);

CREATE TABLE "directory_cost_options" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_cost_options" PRIMARY KEY,
    "service_id" TEXT NOT NULL,
    "valid_from" TEXT NULL,
    "valid_to" TEXT NULL,
    "option" TEXT NULL,
    "currency" TEXT NULL,
    "amount" TEXT NULL,
    "amount_description" TEXT NULL
);

CREATE TABLE "directory_funding" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_funding" PRIMARY KEY,
    "organization_id" TEXT NULL,
    "service_id" TEXT NULL,
    "source" TEXT NULL
);

CREATE TABLE "directory_languages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_languages" PRIMARY KEY,
    "service_id" TEXT NULL,
    "location_id" TEXT NULL,
    "phone_id" TEXT NULL,
    "name" TEXT NULL,
    "code" TEXT NULL,
    "note" TEXT NULL
);

CREATE TABLE "directory_locations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_locations" PRIMARY KEY,
    "location_type" TEXT NOT NULL,
    "url" TEXT NULL,
    "organization_id" TEXT NULL,
    "name" TEXT NULL,
    "alternate_name" TEXT NULL,
    "description" TEXT NULL,
    "transportation" TEXT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "external_identifier" TEXT NULL,
    "external_identifier_type" TEXT NULL,
    "confidential" INTEGER NOT NULL,
    "area_id" TEXT NULL
);

CREATE TABLE "directory_meta_table_descriptions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_meta_table_descriptions" PRIMARY KEY,
    "name" TEXT NULL,
    "language" TEXT NULL,
    "character_set" TEXT NULL
);

CREATE TABLE "directory_metadata" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_metadata" PRIMARY KEY,
    "resource_id" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "last_action_date" TEXT NOT NULL,
    "last_action_type" TEXT NOT NULL,
    "field_name" TEXT NOT NULL,
    "previous_value" TEXT NOT NULL,
    "replacement_value" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL
);

CREATE TABLE "directory_organization_identifiers" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_organization_identifiers" PRIMARY KEY,
    "organization_id" TEXT NOT NULL,
    "identifier_scheme" TEXT NULL,
    "identifier_type" TEXT NOT NULL,
    "identifier" TEXT NOT NULL
);

CREATE TABLE "directory_organizations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_organizations" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "alternate_name" TEXT NULL,
    "description" TEXT NOT NULL,
    "email" TEXT NULL,
    "website" TEXT NULL,
    "tax_status" TEXT NULL,
    "tax_id" TEXT NULL,
    "year_incorporated" TEXT NULL,
    "legal_status" TEXT NULL,
    "logo" TEXT NULL,
    "uri" TEXT NULL,
    "parent_organization_id" TEXT NULL,
    "kith_organisation_id" TEXT NULL
);

CREATE TABLE "directory_phones" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_phones" PRIMARY KEY,
    "location_id" TEXT NULL,
    "service_id" TEXT NULL,
    "organization_id" TEXT NULL,
    "contact_id" TEXT NULL,
    "service_at_location_id" TEXT NULL,
    "number" TEXT NOT NULL,
    "extension" TEXT NULL,
    "type" TEXT NULL,
    "description" TEXT NULL
);

CREATE TABLE "directory_programs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_programs" PRIMARY KEY,
    "organization_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "alternate_name" TEXT NULL,
    "description" TEXT NOT NULL
);

CREATE TABLE "directory_required_documents" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_required_documents" PRIMARY KEY,
    "service_id" TEXT NULL,
    "document" TEXT NULL,
    "uri" TEXT NULL
);

CREATE TABLE "directory_revision" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_directory_revision" PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "changed_at" TEXT NOT NULL
);

CREATE TABLE "directory_schedules" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_schedules" PRIMARY KEY,
    "service_id" TEXT NULL,
    "location_id" TEXT NULL,
    "service_at_location_id" TEXT NULL,
    "valid_from" TEXT NULL,
    "valid_to" TEXT NULL,
    "dtstart" TEXT NULL,
    "timezone" TEXT NULL,
    "until" TEXT NULL,
    "count" TEXT NULL,
    "wkst" TEXT NULL,
    "freq" TEXT NULL,
    "interval" TEXT NULL,
    "byday" TEXT NULL,
    "byweekno" TEXT NULL,
    "bymonthday" TEXT NULL,
    "byyearday" TEXT NULL,
    "description" TEXT NULL,
    "opens_at" TEXT NULL,
    "closes_at" TEXT NULL,
    "schedule_link" TEXT NULL,
    "attending_type" TEXT NULL,
    "notes" TEXT NULL
);

CREATE TABLE "directory_service_areas" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_service_areas" PRIMARY KEY,
    "service_id" TEXT NULL,
    "name" TEXT NULL,
    "description" TEXT NULL,
    "extent" TEXT NULL,
    "extent_type" TEXT NULL,
    "uri" TEXT NULL
);

CREATE TABLE "directory_service_at_location" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_service_at_location" PRIMARY KEY,
    "service_id" TEXT NOT NULL,
    "location_id" TEXT NOT NULL,
    "description" TEXT NULL
);

CREATE TABLE "directory_service_capacities" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_service_capacities" PRIMARY KEY,
    "service_id" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "available" TEXT NOT NULL,
    "maximum" TEXT NULL,
    "description" TEXT NULL,
    "updated" TEXT NOT NULL
);

CREATE TABLE "directory_services" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_services" PRIMARY KEY,
    "organization_id" TEXT NOT NULL,
    "program_id" TEXT NULL,
    "name" TEXT NOT NULL,
    "alternate_name" TEXT NULL,
    "description" TEXT NULL,
    "url" TEXT NULL,
    "email" TEXT NULL,
    "status" TEXT NOT NULL,
    "interpretation_services" TEXT NULL,
    "application_process" TEXT NULL,
    "fees_description" TEXT NULL,
    "wait_time" TEXT NULL,
    "fees" TEXT NULL,
    "accreditations" TEXT NULL,
    "eligibility_description" TEXT NULL,
    "minimum_age" TEXT NULL,
    "maximum_age" TEXT NULL,
    "assured_date" TEXT NULL,
    "assurer_email" TEXT NULL,
    "licenses" TEXT NULL,
    "alert" TEXT NULL,
    "last_modified" TEXT NULL,
    "assured_by" TEXT NULL,
    "waitlist" INTEGER NOT NULL,
    "verification_reminder_sent_at" TEXT NULL
);

CREATE TABLE "directory_taxonomies" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_taxonomies" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "uri" TEXT NULL,
    "version" TEXT NULL
);

CREATE TABLE "directory_taxonomy_terms" (
    "id" TEXT NOT NULL CONSTRAINT "pk_directory_taxonomy_terms" PRIMARY KEY,
    "code" TEXT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "parent_id" TEXT NULL,
    "taxonomy" TEXT NULL,
    "language" TEXT NULL,
    "taxonomy_id" TEXT NULL,
    "term_uri" TEXT NULL
);

CREATE INDEX "ix_directory_accessibility_location_id" ON "directory_accessibility" ("location_id");

CREATE INDEX "ix_directory_addresses_location_id" ON "directory_addresses" ("location_id");

CREATE INDEX "ix_directory_attributes_link_id" ON "directory_attributes" ("link_id");

CREATE INDEX "ix_directory_attributes_taxonomy_term_id" ON "directory_attributes" ("taxonomy_term_id");

CREATE INDEX "ix_directory_contacts_location_id" ON "directory_contacts" ("location_id");

CREATE INDEX "ix_directory_contacts_organization_id" ON "directory_contacts" ("organization_id");

CREATE INDEX "ix_directory_contacts_service_at_location_id" ON "directory_contacts" ("service_at_location_id");

CREATE INDEX "ix_directory_contacts_service_id" ON "directory_contacts" ("service_id");

CREATE INDEX "ix_directory_cost_options_service_id" ON "directory_cost_options" ("service_id");

CREATE INDEX "ix_directory_funding_organization_id" ON "directory_funding" ("organization_id");

CREATE INDEX "ix_directory_funding_service_id" ON "directory_funding" ("service_id");

CREATE INDEX "ix_directory_languages_location_id" ON "directory_languages" ("location_id");

CREATE INDEX "ix_directory_languages_phone_id" ON "directory_languages" ("phone_id");

CREATE INDEX "ix_directory_languages_service_id" ON "directory_languages" ("service_id");

CREATE INDEX "ix_directory_locations_organization_id" ON "directory_locations" ("organization_id");

CREATE INDEX "ix_directory_metadata_resource_id" ON "directory_metadata" ("resource_id");

CREATE INDEX "ix_directory_organization_identifiers_organization_id" ON "directory_organization_identifiers" ("organization_id");

CREATE INDEX "ix_directory_organizations_kith_organisation_id" ON "directory_organizations" ("kith_organisation_id");

CREATE INDEX "ix_directory_organizations_parent_organization_id" ON "directory_organizations" ("parent_organization_id");

CREATE INDEX "ix_directory_organizations_tax_id" ON "directory_organizations" ("tax_id");

CREATE INDEX "ix_directory_phones_contact_id" ON "directory_phones" ("contact_id");

CREATE INDEX "ix_directory_phones_location_id" ON "directory_phones" ("location_id");

CREATE INDEX "ix_directory_phones_organization_id" ON "directory_phones" ("organization_id");

CREATE INDEX "ix_directory_phones_service_at_location_id" ON "directory_phones" ("service_at_location_id");

CREATE INDEX "ix_directory_phones_service_id" ON "directory_phones" ("service_id");

CREATE INDEX "ix_directory_programs_organization_id" ON "directory_programs" ("organization_id");

CREATE INDEX "ix_directory_required_documents_service_id" ON "directory_required_documents" ("service_id");

CREATE INDEX "ix_directory_schedules_location_id" ON "directory_schedules" ("location_id");

CREATE INDEX "ix_directory_schedules_service_at_location_id" ON "directory_schedules" ("service_at_location_id");

CREATE INDEX "ix_directory_schedules_service_id" ON "directory_schedules" ("service_id");

CREATE INDEX "ix_directory_service_areas_service_id" ON "directory_service_areas" ("service_id");

CREATE INDEX "ix_directory_service_at_location_location_id" ON "directory_service_at_location" ("location_id");

CREATE INDEX "ix_directory_service_at_location_service_id" ON "directory_service_at_location" ("service_id");

CREATE INDEX "ix_directory_service_capacities_service_id" ON "directory_service_capacities" ("service_id");

CREATE INDEX "ix_directory_services_last_modified" ON "directory_services" ("last_modified");

CREATE INDEX "ix_directory_services_organization_id" ON "directory_services" ("organization_id");

CREATE INDEX "ix_directory_services_program_id" ON "directory_services" ("program_id");

CREATE INDEX "ix_directory_taxonomy_terms_parent_id" ON "directory_taxonomy_terms" ("parent_id");

CREATE INDEX "ix_directory_taxonomy_terms_taxonomy_id" ON "directory_taxonomy_terms" ("taxonomy_id");

INSERT INTO "directory_revision" ("id", "number", "changed_at") VALUES (1, 0, '2026-01-01 00:00:00');
