-- Referrals between partner organisations (issue 15): the referral with what the person agreed to share (encrypted at
-- rest), its history of steps (the Gravity referral Task state machine), and each receiving organisation's intake team.
CREATE TABLE referrals_referrals (
    id uuid NOT NULL,
    reference character varying(12) NOT NULL,
    requester_organisation_id uuid NOT NULL,
    requested_by character varying(64) NOT NULL,
    receiver_organisation_id uuid NOT NULL,
    service_id character varying(100) NOT NULL,
    status character varying(20) NOT NULL,
    status_reason text,
    outcome character varying(30),
    person_name text NOT NULL,
    contact_preference character varying(20) NOT NULL,
    contact text,
    need text,
    language character varying(10),
    risk_tier character varying(20),
    consent_how character varying(20) NOT NULL,
    consent_at timestamp with time zone NOT NULL,
    source_kind character varying(20),
    source_id uuid,
    created_at timestamp with time zone NOT NULL,
    respond_by timestamp with time zone NOT NULL,
    responded_at timestamp with time zone,
    closed_at timestamp with time zone,
    updated_at timestamp with time zone NOT NULL,
    escalation_level integer NOT NULL,
    escalate_again_at timestamp with time zone,
    revision integer NOT NULL,
    CONSTRAINT pk_referrals_referrals PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_referrals_referrals_reference ON referrals_referrals (reference);
CREATE INDEX ix_referrals_referrals_receiver_organisation_id_created_at ON referrals_referrals (receiver_organisation_id, created_at);
CREATE INDEX ix_referrals_referrals_requester_organisation_id_created_at ON referrals_referrals (requester_organisation_id, created_at);
CREATE INDEX ix_referrals_referrals_status_respond_by ON referrals_referrals (status, respond_by);

CREATE TABLE referrals_steps (
    id uuid NOT NULL,
    referral_id uuid NOT NULL,
    from_status character varying(20),
    to_status character varying(20) NOT NULL,
    party character varying(20) NOT NULL,
    by_user_id character varying(64) NOT NULL,
    reason text,
    outcome character varying(30),
    at timestamp with time zone NOT NULL,
    CONSTRAINT pk_referrals_steps PRIMARY KEY (id),
    CONSTRAINT fk_referrals_steps_referrals_referrals_referral_id FOREIGN KEY (referral_id) REFERENCES referrals_referrals (id) ON DELETE CASCADE
);
CREATE INDEX ix_referrals_steps_referral_id_at ON referrals_steps (referral_id, at);

CREATE TABLE referrals_intakes (
    organisation_id uuid NOT NULL,
    team_id uuid NOT NULL,
    response_business_days integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_referrals_intakes PRIMARY KEY (organisation_id)
);
