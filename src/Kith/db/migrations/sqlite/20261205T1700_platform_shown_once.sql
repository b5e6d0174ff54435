-- Results shown once after a redirect, and writes taken once per key (ADR 26).

-- A result waiting for the page a POST redirects to: at most ten minutes, content encrypted, only a hash of the
-- cookie's random id kept.
CREATE TABLE "platform_shown_once" (
    "id_hash" TEXT NOT NULL CONSTRAINT "pk_platform_shown_once" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL
);
CREATE INDEX "ix_platform_shown_once_expires_at" ON "platform_shown_once" ("expires_at");

-- One row per key (a form's one-time token, an API's Idempotency-Key): the primary key lets exactly one of two
-- requests at once insert it. Keys and bodies as keyed hashes; the answer encrypted.
CREATE TABLE "platform_sent_once" (
    "scope" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" INTEGER NULL,
    "response" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "replay_until" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    CONSTRAINT "pk_platform_sent_once" PRIMARY KEY ("scope", "key_hash")
);
CREATE INDEX "ix_platform_sent_once_expires_at" ON "platform_sent_once" ("expires_at");
