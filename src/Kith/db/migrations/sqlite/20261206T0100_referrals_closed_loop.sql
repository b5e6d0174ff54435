-- Referrals between partner organisations (issue 15): the referral with what the person agreed to share (encrypted at
-- rest), its history of steps (the Gravity referral Task state machine), and each receiving organisation's intake team.
CREATE TABLE "referrals_referrals" (
    "id" TEXT NOT NULL CONSTRAINT "pk_referrals_referrals" PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "requester_organisation_id" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "receiver_organisation_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "status_reason" TEXT NULL,
    "outcome" TEXT NULL,
    "person_name" TEXT NOT NULL,
    "contact_preference" TEXT NOT NULL,
    "contact" TEXT NULL,
    "need" TEXT NULL,
    "language" TEXT NULL,
    "risk_tier" TEXT NULL,
    "consent_how" TEXT NOT NULL,
    "consent_at" TEXT NOT NULL,
    "source_kind" TEXT NULL,
    "source_id" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "respond_by" TEXT NOT NULL,
    "responded_at" TEXT NULL,
    "closed_at" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    "escalation_level" INTEGER NOT NULL,
    "escalate_again_at" TEXT NULL,
    "revision" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "ix_referrals_referrals_reference" ON "referrals_referrals" ("reference");
CREATE INDEX "ix_referrals_referrals_receiver_organisation_id_created_at" ON "referrals_referrals" ("receiver_organisation_id", "created_at");
CREATE INDEX "ix_referrals_referrals_requester_organisation_id_created_at" ON "referrals_referrals" ("requester_organisation_id", "created_at");
CREATE INDEX "ix_referrals_referrals_status_respond_by" ON "referrals_referrals" ("status", "respond_by");

CREATE TABLE "referrals_steps" (
    "id" TEXT NOT NULL CONSTRAINT "pk_referrals_steps" PRIMARY KEY,
    "referral_id" TEXT NOT NULL,
    "from_status" TEXT NULL,
    "to_status" TEXT NOT NULL,
    "party" TEXT NOT NULL,
    "by_user_id" TEXT NOT NULL,
    "reason" TEXT NULL,
    "outcome" TEXT NULL,
    "at" TEXT NOT NULL,
    CONSTRAINT "fk_referrals_steps_referrals_referrals_referral_id" FOREIGN KEY ("referral_id") REFERENCES "referrals_referrals" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_referrals_steps_referral_id_at" ON "referrals_steps" ("referral_id", "at");

CREATE TABLE "referrals_intakes" (
    "organisation_id" TEXT NOT NULL CONSTRAINT "pk_referrals_intakes" PRIMARY KEY,
    "team_id" TEXT NOT NULL,
    "response_business_days" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL
);
