-- Groups and programmes (issue 15, items 1–2): the group and its RFC 5545 rule (session times are local wall-clock
-- times, stored as ISO text), sessions cancelled or moved, the people who joined (name and contact encrypted at rest,
-- their private code and calendar address as keyed hashes), their places in each group and who came to each session.
CREATE TABLE groups_groups (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    name character varying(120) NOT NULL,
    kind character varying(30) NOT NULL,
    focus character varying(120),
    description character varying(2000) NOT NULL,
    needs character varying(200) NOT NULL,
    facilitators character varying(200) NOT NULL,
    location_id character varying(100),
    video_url character varying(500),
    first_start_local character varying(19) NOT NULL,
    duration_minutes integer NOT NULL,
    rule character varying(200),
    capacity integer NOT NULL,
    language character varying(10) NOT NULL,
    active boolean NOT NULL,
    service_id character varying(100),
    sequence integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    revision integer NOT NULL,
    CONSTRAINT pk_groups_groups PRIMARY KEY (id)
);
CREATE INDEX ix_groups_groups_organisation_id_name ON groups_groups (organisation_id, name);

CREATE TABLE groups_session_changes (
    id uuid NOT NULL,
    group_id uuid NOT NULL,
    original_start_local character varying(19) NOT NULL,
    cancelled boolean NOT NULL,
    moved_to_local character varying(19),
    changed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_groups_session_changes PRIMARY KEY (id),
    CONSTRAINT fk_groups_session_changes_groups_groups_group_id FOREIGN KEY (group_id) REFERENCES groups_groups (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_groups_session_changes_group_id_original_start_local ON groups_session_changes (group_id, original_start_local);

CREATE TABLE groups_members (
    id uuid NOT NULL,
    name text NOT NULL,
    contact_route character varying(10) NOT NULL,
    contact text,
    neutral_titles boolean NOT NULL,
    code_hash character varying(64) NOT NULL,
    feed_hash character varying(64) NOT NULL,
    feed_version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_groups_members PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_groups_members_code_hash ON groups_members (code_hash);
CREATE UNIQUE INDEX ix_groups_members_feed_hash ON groups_members (feed_hash);

CREATE TABLE groups_enrolments (
    id uuid NOT NULL,
    group_id uuid NOT NULL,
    member_id uuid NOT NULL,
    status character varying(12) NOT NULL,
    needs_childcare boolean NOT NULL,
    needs_transport boolean NOT NULL,
    interpreter_language character varying(10),
    joined_at timestamp with time zone NOT NULL,
    promoted_at timestamp with time zone,
    left_at timestamp with time zone,
    revision integer NOT NULL,
    CONSTRAINT pk_groups_enrolments PRIMARY KEY (id),
    CONSTRAINT fk_groups_enrolments_groups_groups_group_id FOREIGN KEY (group_id) REFERENCES groups_groups (id) ON DELETE CASCADE,
    CONSTRAINT fk_groups_enrolments_groups_members_member_id FOREIGN KEY (member_id) REFERENCES groups_members (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_groups_enrolments_group_id_member_id ON groups_enrolments (group_id, member_id);
CREATE INDEX ix_groups_enrolments_group_id_status_joined_at ON groups_enrolments (group_id, status, joined_at);
CREATE INDEX ix_groups_enrolments_member_id ON groups_enrolments (member_id);

CREATE TABLE groups_attendance (
    enrolment_id uuid NOT NULL,
    session_local character varying(19) NOT NULL,
    present boolean NOT NULL,
    marked_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_groups_attendance PRIMARY KEY (enrolment_id, session_local),
    CONSTRAINT fk_groups_attendance_groups_enrolments_enrolment_id FOREIGN KEY (enrolment_id) REFERENCES groups_enrolments (id) ON DELETE CASCADE
);
