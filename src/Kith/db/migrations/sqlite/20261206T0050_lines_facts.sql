-- Facts for Insights and referrals at close (issue 14): when a person first took the conversation (its wait), and the
-- directory services sent to the texter as one text when it closed (service ids, space-separated).
ALTER TABLE "lines_conversations" ADD COLUMN "answered_at" TEXT NULL;
ALTER TABLE "lines_conversations" ADD COLUMN "referrals" TEXT NOT NULL DEFAULT '';
