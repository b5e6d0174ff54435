-- A reporter's message marks the case unread for its team until someone on the team opens it (issue 13, ADR 28).
ALTER TABLE "concerns_reports" ADD COLUMN "unread_since" TEXT NULL;
