-- Groups: peer buddies (issue 15, item 3; ADR 45). A member who asked for a buddy in a group, whether they let their
-- buddy see the contact they gave, who their buddy is once another member asked, and the session the last check-in
-- nudge came before (a local wall-clock time as ISO text, like the sessions). Nothing buddies say is stored anywhere.
CREATE TABLE "groups_buddies" (
    "id" TEXT NOT NULL CONSTRAINT "pk_groups_buddies" PRIMARY KEY,
    "group_id" TEXT NOT NULL,
    "enrolment_id" TEXT NOT NULL,
    "share_contact" INTEGER NOT NULL,
    "asked_at" TEXT NOT NULL,
    "buddy_id" TEXT NULL,
    "paired_at" TEXT NULL,
    "nudged_before" TEXT NULL,
    "revision" INTEGER NOT NULL,
    CONSTRAINT "fk_groups_buddies_groups_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups_groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_groups_buddies_groups_enrolments_enrolment_id" FOREIGN KEY ("enrolment_id") REFERENCES "groups_enrolments" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_groups_buddies_enrolment_id" ON "groups_buddies" ("enrolment_id");
CREATE INDEX "ix_groups_buddies_group_id_buddy_id" ON "groups_buddies" ("group_id", "buddy_id");
