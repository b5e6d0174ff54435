-- People who help (issue 15, item 5): lay leaders, ambassadors and volunteers of an organisation (name and contact
-- encrypted at rest, their private code as a keyed hash), the trainings they are certified in with each certificate's
-- last day, supervision notes (encrypted), and which of them a group schedules to lead and what training it requires.
CREATE TABLE volunteers_volunteers (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    name text NOT NULL,
    role character varying(20) NOT NULL,
    contact_route character varying(10) NOT NULL,
    contact text,
    supervisor_id character varying(64),
    status character varying(10) NOT NULL,
    opportunity_id uuid,
    code_hash character varying(64),
    submission_hash character varying(64),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    revision integer NOT NULL,
    CONSTRAINT pk_volunteers_volunteers PRIMARY KEY (id)
);
CREATE INDEX ix_volunteers_volunteers_organisation_id_status ON volunteers_volunteers (organisation_id, status);
CREATE UNIQUE INDEX ix_volunteers_volunteers_code_hash ON volunteers_volunteers (code_hash);
CREATE UNIQUE INDEX ix_volunteers_volunteers_submission_hash ON volunteers_volunteers (submission_hash);

CREATE TABLE volunteers_opportunities (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    title character varying(120) NOT NULL,
    description character varying(2000) NOT NULL,
    commitment character varying(120) NOT NULL,
    role character varying(20) NOT NULL,
    training_id uuid,
    open boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_volunteers_opportunities PRIMARY KEY (id)
);
CREATE INDEX ix_volunteers_opportunities_open_organisation_id ON volunteers_opportunities (open, organisation_id);

CREATE TABLE volunteers_trainings (
    id uuid NOT NULL,
    organisation_id uuid,
    name character varying(120) NOT NULL,
    kind character varying(10) NOT NULL,
    valid_months integer NOT NULL,
    renewal_days integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_volunteers_trainings PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_volunteers_trainings_organisation_id_name ON volunteers_trainings (organisation_id, name);

CREATE TABLE volunteers_certifications (
    id uuid NOT NULL,
    volunteer_id uuid NOT NULL,
    training_id uuid NOT NULL,
    completed_on date NOT NULL,
    expires_on date NOT NULL,
    recorded_by character varying(64),
    recorded_at timestamp with time zone NOT NULL,
    renewal_notice_at timestamp with time zone,
    lapse_notice_at timestamp with time zone,
    CONSTRAINT pk_volunteers_certifications PRIMARY KEY (id),
    CONSTRAINT fk_volunteers_certifications_volunteers_volunteers_volunteer_id FOREIGN KEY (volunteer_id) REFERENCES volunteers_volunteers (id) ON DELETE CASCADE,
    CONSTRAINT fk_volunteers_certifications_volunteers_trainings_training_id FOREIGN KEY (training_id) REFERENCES volunteers_trainings (id) ON DELETE RESTRICT
);
CREATE INDEX ix_volunteers_certifications_volunteer_id_training_id ON volunteers_certifications (volunteer_id, training_id);
CREATE INDEX ix_volunteers_certifications_expires_on ON volunteers_certifications (expires_on);
CREATE INDEX ix_volunteers_certifications_training_id ON volunteers_certifications (training_id);

CREATE TABLE volunteers_supervision_notes (
    id uuid NOT NULL,
    volunteer_id uuid NOT NULL,
    supervisor_id character varying(64) NOT NULL,
    text text NOT NULL,
    written_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_volunteers_supervision_notes PRIMARY KEY (id),
    CONSTRAINT fk_volunteers_supervision_notes_volunteers_volunteers_volunteer_id FOREIGN KEY (volunteer_id) REFERENCES volunteers_volunteers (id) ON DELETE CASCADE
);
CREATE INDEX ix_volunteers_supervision_notes_volunteer_id_written_at ON volunteers_supervision_notes (volunteer_id, written_at);

ALTER TABLE groups_groups ADD required_training_id uuid;

CREATE TABLE groups_leaders (
    group_id uuid NOT NULL,
    volunteer_id uuid NOT NULL,
    CONSTRAINT pk_groups_leaders PRIMARY KEY (group_id, volunteer_id),
    CONSTRAINT fk_groups_leaders_groups_groups_group_id FOREIGN KEY (group_id) REFERENCES groups_groups (id) ON DELETE CASCADE
);
CREATE INDEX ix_groups_leaders_volunteer_id ON groups_leaders (volunteer_id);

-- The trainings every deployment offers (organisations add their own): the certificate's usual term and renewal window.
INSERT INTO volunteers_trainings (id, organisation_id, name, kind, valid_months, renewal_days, created_at) VALUES
    ('0193a5f0-0000-7000-8000-000000000001', NULL, 'Psychological First Aid', 'pfa', 36, 30, '2026-12-06 00:00:00+00'),
    ('0193a5f0-0000-7000-8000-000000000002', NULL, 'Mental Health First Aid', 'mhfa', 36, 30, '2026-12-06 00:00:00+00'),
    ('0193a5f0-0000-7000-8000-000000000003', NULL, 'QPR Gatekeeper', 'qpr', 24, 30, '2026-12-06 00:00:00+00');

CREATE TABLE volunteers_wellbeing_check_ins (
    id uuid NOT NULL,
    volunteer_id uuid NOT NULL,
    month character varying(7) NOT NULL,
    result text NOT NULL,
    given_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_volunteers_wellbeing_check_ins PRIMARY KEY (id),
    CONSTRAINT fk_volunteers_wellbeing_check_ins_volunteers_volunteers_volunteer_id FOREIGN KEY (volunteer_id) REFERENCES volunteers_volunteers (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_volunteers_wellbeing_check_ins_volunteer_id_month ON volunteers_wellbeing_check_ins (volunteer_id, month);

CREATE TABLE volunteers_wellbeing_tallies (
    organisation_id uuid NOT NULL,
    month character varying(7) NOT NULL,
    band character varying(30) NOT NULL,
    count integer NOT NULL,
    CONSTRAINT pk_volunteers_wellbeing_tallies PRIMARY KEY (organisation_id, month, band)
);
