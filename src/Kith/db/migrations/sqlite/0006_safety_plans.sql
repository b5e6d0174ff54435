-- 0006: personal safety plans. The content is sealed by the app (AES-GCM under a random data key); the data key
-- is stored only wrapped under keys derived from the person's code and, while shared, a share code. Codes are
-- stored only as keyed hashes. Nothing in this table is readable without a code.
-- Derived from the EF model with `kith model-script`, then reviewed; the schema test keeps them in step.

CREATE TABLE "screening_safety_plans" (
    "id" TEXT NOT NULL CONSTRAINT "pk_screening_safety_plans" PRIMARY KEY,
    "code_hash" TEXT NOT NULL,
    "code_salt" BLOB NOT NULL,
    "code_key" BLOB NOT NULL,
    "content" BLOB NOT NULL,
    "share_hash" TEXT NULL,
    "share_salt" BLOB NULL,
    "share_key" BLOB NULL,
    "shared_until" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "last_used_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ix_screening_safety_plans_code_hash" ON "screening_safety_plans" ("code_hash");

CREATE UNIQUE INDEX "ix_screening_safety_plans_share_hash" ON "screening_safety_plans" ("share_hash");

-- Retention deletes plans nobody has opened or saved for 24 months.
CREATE INDEX "ix_screening_safety_plans_last_used_at" ON "screening_safety_plans" ("last_used_at");
