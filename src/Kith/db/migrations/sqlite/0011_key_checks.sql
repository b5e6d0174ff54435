-- 0011: one check value per key of the key ring (named secrets and Data Protection keys), so a start
-- whose key ring cannot serve what the database holds is refused instead of silently making new keys.

CREATE TABLE "platform_key_checks" (
    "name" TEXT NOT NULL CONSTRAINT "pk_platform_key_checks" PRIMARY KEY,
    "check_value" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);
