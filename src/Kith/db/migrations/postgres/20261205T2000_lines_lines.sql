-- Text lines configured by administrators (ADR 34): hours, holidays and automatic texts as small JSON/text values,
-- the answering teams as Responders' team ids (no foreign key across modules), and a backup line.
CREATE TABLE lines_lines (
    id uuid NOT NULL,
    slug character varying(60) NOT NULL,
    name character varying(200) NOT NULL,
    audience character varying(200),
    languages character varying(100) NOT NULL,
    sms_number character varying(20),
    short_code character varying(6),
    keyword character varying(20),
    time_zone character varying(60) NOT NULL,
    hours text NOT NULL,
    holidays character varying(4000) NOT NULL,
    texts text NOT NULL,
    teams character varying(1000) NOT NULL,
    backup_line_id uuid,
    max_wait_imminent_seconds integer NOT NULL,
    max_wait_urgent_seconds integer NOT NULL,
    max_wait_routine_seconds integer NOT NULL,
    active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_lines_lines PRIMARY KEY (id),
    CONSTRAINT fk_lines_lines_lines_lines_backup_line_id FOREIGN KEY (backup_line_id) REFERENCES lines_lines (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_lines_lines_slug ON lines_lines (slug);
CREATE UNIQUE INDEX ix_lines_lines_sms_number ON lines_lines (sms_number);
CREATE INDEX ix_lines_lines_backup_line_id ON lines_lines (backup_line_id);
