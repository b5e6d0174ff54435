-- 0002: the service directory: the HSDS 3.0 tables (column names as the standard has them),
-- service capacity (HSDS 3.1), and the revision counter search indexes follow.
-- Derived from the EF model with `kith model-script`, then reviewed; the schema test keeps them in step.

CREATE TABLE directory_accessibility (
    id text NOT NULL,
    location_id text,
    description text,
    details text,
    url text,
    CONSTRAINT pk_directory_accessibility PRIMARY KEY (id)
);

CREATE TABLE directory_addresses (
    id text NOT NULL,
    location_id text,
    attention text,
    address_1 text NOT NULL,
    address_2 text,
    city text NOT NULL,
    region text,
    state_province text NOT NULL,
    postal_code text NOT NULL,
    country text NOT NULL,
    address_type text NOT NULL,
    CONSTRAINT pk_directory_addresses PRIMARY KEY (id)
);

CREATE TABLE directory_attributes (
    id text NOT NULL,
    link_id text NOT NULL,
    taxonomy_term_id text NOT NULL,
    link_type text,
    link_entity text NOT NULL,
    value text,
    CONSTRAINT pk_directory_attributes PRIMARY KEY (id)
);

CREATE TABLE directory_contacts (
    id text NOT NULL,
    organization_id text,
    service_id text,
    service_at_location_id text,
    location_id text,
    name text,
    title text,
    department text,
    email text,
    CONSTRAINT pk_directory_contacts PRIMARY KEY (id)
);

CREATE TABLE directory_cost_options (
    id text NOT NULL,
    service_id text NOT NULL,
    valid_from date,
    valid_to date,
    option text,
    currency text,
    amount numeric,
    amount_description text,
    CONSTRAINT pk_directory_cost_options PRIMARY KEY (id)
);

CREATE TABLE directory_funding (
    id text NOT NULL,
    organization_id text,
    service_id text,
    source text,
    CONSTRAINT pk_directory_funding PRIMARY KEY (id)
);

CREATE TABLE directory_languages (
    id text NOT NULL,
    service_id text,
    location_id text,
    phone_id text,
    name text,
    code text,
    note text,
    CONSTRAINT pk_directory_languages PRIMARY KEY (id)
);

CREATE TABLE directory_locations (
    id text NOT NULL,
    location_type text NOT NULL,
    url text,
    organization_id text,
    name text,
    alternate_name text,
    description text,
    transportation text,
    latitude double precision,
    longitude double precision,
    external_identifier text,
    external_identifier_type text,
    confidential boolean NOT NULL,
    area_id uuid,
    CONSTRAINT pk_directory_locations PRIMARY KEY (id)
);

CREATE TABLE directory_meta_table_descriptions (
    id text NOT NULL,
    name text,
    language text,
    character_set text,
    CONSTRAINT pk_directory_meta_table_descriptions PRIMARY KEY (id)
);

CREATE TABLE directory_metadata (
    id text NOT NULL,
    resource_id text NOT NULL,
    resource_type text NOT NULL,
    last_action_date date NOT NULL,
    last_action_type text NOT NULL,
    field_name text NOT NULL,
    previous_value text NOT NULL,
    replacement_value text NOT NULL,
    updated_by text NOT NULL,
    CONSTRAINT pk_directory_metadata PRIMARY KEY (id)
);

CREATE TABLE directory_organization_identifiers (
    id text NOT NULL,
    organization_id text NOT NULL,
    identifier_scheme text,
    identifier_type text NOT NULL,
    identifier text NOT NULL,
    CONSTRAINT pk_directory_organization_identifiers PRIMARY KEY (id)
);

CREATE TABLE directory_organizations (
    id text NOT NULL,
    name text NOT NULL,
    alternate_name text,
    description text NOT NULL,
    email text,
    website text,
    tax_status text,
    tax_id text,
    year_incorporated numeric,
    legal_status text,
    logo text,
    uri text,
    parent_organization_id text,
    kith_organisation_id uuid,
    CONSTRAINT pk_directory_organizations PRIMARY KEY (id)
);

CREATE TABLE directory_phones (
    id text NOT NULL,
    location_id text,
    service_id text,
    organization_id text,
    contact_id text,
    service_at_location_id text,
    number text NOT NULL,
    extension numeric,
    type text,
    description text,
    CONSTRAINT pk_directory_phones PRIMARY KEY (id)
);

CREATE TABLE directory_programs (
    id text NOT NULL,
    organization_id text NOT NULL,
    name text NOT NULL,
    alternate_name text,
    description text NOT NULL,
    CONSTRAINT pk_directory_programs PRIMARY KEY (id)
);

CREATE TABLE directory_required_documents (
    id text NOT NULL,
    service_id text,
    document text,
    uri text,
    CONSTRAINT pk_directory_required_documents PRIMARY KEY (id)
);

CREATE TABLE directory_revision (
    id integer NOT NULL,
    number bigint NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_directory_revision PRIMARY KEY (id)
);

CREATE TABLE directory_schedules (
    id text NOT NULL,
    service_id text,
    location_id text,
    service_at_location_id text,
    valid_from date,
    valid_to date,
    dtstart date,
    timezone numeric,
    until date,
    count numeric,
    wkst text,
    freq text,
    interval numeric,
    byday text,
    byweekno text,
    bymonthday text,
    byyearday text,
    description text,
    opens_at time without time zone,
    closes_at time without time zone,
    schedule_link text,
    attending_type text,
    notes text,
    CONSTRAINT pk_directory_schedules PRIMARY KEY (id)
);

CREATE TABLE directory_service_areas (
    id text NOT NULL,
    service_id text,
    name text,
    description text,
    extent text,
    extent_type text,
    uri text,
    CONSTRAINT pk_directory_service_areas PRIMARY KEY (id)
);

CREATE TABLE directory_service_at_location (
    id text NOT NULL,
    service_id text NOT NULL,
    location_id text NOT NULL,
    description text,
    CONSTRAINT pk_directory_service_at_location PRIMARY KEY (id)
);

CREATE TABLE directory_service_capacities (
    id text NOT NULL,
    service_id text NOT NULL,
    unit character varying(100) NOT NULL,
    available numeric NOT NULL,
    maximum numeric,
    description text,
    updated timestamp with time zone NOT NULL,
    CONSTRAINT pk_directory_service_capacities PRIMARY KEY (id)
);

CREATE TABLE directory_services (
    id text NOT NULL,
    organization_id text NOT NULL,
    program_id text,
    name text NOT NULL,
    alternate_name text,
    description text,
    url text,
    email text,
    status text NOT NULL,
    interpretation_services text,
    application_process text,
    fees_description text,
    wait_time text,
    fees text,
    accreditations text,
    eligibility_description text,
    minimum_age numeric,
    maximum_age numeric,
    assured_date date,
    assurer_email text,
    licenses text,
    alert text,
    last_modified timestamp with time zone,
    assured_by text,
    waitlist boolean NOT NULL,
    verification_reminder_sent_at timestamp with time zone,
    CONSTRAINT pk_directory_services PRIMARY KEY (id)
);

CREATE TABLE directory_taxonomies (
    id text NOT NULL,
    name text NOT NULL,
    description text NOT NULL,
    uri text,
    version text,
    CONSTRAINT pk_directory_taxonomies PRIMARY KEY (id)
);

CREATE TABLE directory_taxonomy_terms (
    id text NOT NULL,
    code text,
    name text NOT NULL,
    description text NOT NULL,
    parent_id text,
    taxonomy text,
    language text,
    taxonomy_id text,
    term_uri text,
    CONSTRAINT pk_directory_taxonomy_terms PRIMARY KEY (id)
);

CREATE INDEX ix_directory_accessibility_location_id ON directory_accessibility (location_id);

CREATE INDEX ix_directory_addresses_location_id ON directory_addresses (location_id);

CREATE INDEX ix_directory_attributes_link_id ON directory_attributes (link_id);

CREATE INDEX ix_directory_attributes_taxonomy_term_id ON directory_attributes (taxonomy_term_id);

CREATE INDEX ix_directory_contacts_location_id ON directory_contacts (location_id);

CREATE INDEX ix_directory_contacts_organization_id ON directory_contacts (organization_id);

CREATE INDEX ix_directory_contacts_service_at_location_id ON directory_contacts (service_at_location_id);

CREATE INDEX ix_directory_contacts_service_id ON directory_contacts (service_id);

CREATE INDEX ix_directory_cost_options_service_id ON directory_cost_options (service_id);

CREATE INDEX ix_directory_funding_organization_id ON directory_funding (organization_id);

CREATE INDEX ix_directory_funding_service_id ON directory_funding (service_id);

CREATE INDEX ix_directory_languages_location_id ON directory_languages (location_id);

CREATE INDEX ix_directory_languages_phone_id ON directory_languages (phone_id);

CREATE INDEX ix_directory_languages_service_id ON directory_languages (service_id);

CREATE INDEX ix_directory_locations_organization_id ON directory_locations (organization_id);

CREATE INDEX ix_directory_metadata_resource_id ON directory_metadata (resource_id);

CREATE INDEX ix_directory_organization_identifiers_organization_id ON directory_organization_identifiers (organization_id);

CREATE INDEX ix_directory_organizations_kith_organisation_id ON directory_organizations (kith_organisation_id);

CREATE INDEX ix_directory_organizations_parent_organization_id ON directory_organizations (parent_organization_id);

CREATE INDEX ix_directory_organizations_tax_id ON directory_organizations (tax_id);

CREATE INDEX ix_directory_phones_contact_id ON directory_phones (contact_id);

CREATE INDEX ix_directory_phones_location_id ON directory_phones (location_id);

CREATE INDEX ix_directory_phones_organization_id ON directory_phones (organization_id);

CREATE INDEX ix_directory_phones_service_at_location_id ON directory_phones (service_at_location_id);

CREATE INDEX ix_directory_phones_service_id ON directory_phones (service_id);

CREATE INDEX ix_directory_programs_organization_id ON directory_programs (organization_id);

CREATE INDEX ix_directory_required_documents_service_id ON directory_required_documents (service_id);

CREATE INDEX ix_directory_schedules_location_id ON directory_schedules (location_id);

CREATE INDEX ix_directory_schedules_service_at_location_id ON directory_schedules (service_at_location_id);

CREATE INDEX ix_directory_schedules_service_id ON directory_schedules (service_id);

CREATE INDEX ix_directory_service_areas_service_id ON directory_service_areas (service_id);

CREATE INDEX ix_directory_service_at_location_location_id ON directory_service_at_location (location_id);

CREATE INDEX ix_directory_service_at_location_service_id ON directory_service_at_location (service_id);

CREATE INDEX ix_directory_service_capacities_service_id ON directory_service_capacities (service_id);

CREATE INDEX ix_directory_services_last_modified ON directory_services (last_modified);

CREATE INDEX ix_directory_services_organization_id ON directory_services (organization_id);

CREATE INDEX ix_directory_services_program_id ON directory_services (program_id);

CREATE INDEX ix_directory_taxonomy_terms_parent_id ON directory_taxonomy_terms (parent_id);

CREATE INDEX ix_directory_taxonomy_terms_taxonomy_id ON directory_taxonomy_terms (taxonomy_id);

INSERT INTO directory_revision (id, number, changed_at) VALUES (1, 0, '2026-01-01T00:00:00Z');
