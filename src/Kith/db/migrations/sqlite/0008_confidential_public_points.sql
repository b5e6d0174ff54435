-- 0008: a confidential location's public point (ADR 12), chosen once by the application and stored, so every
-- public distance, radius and order is measured from it and never from the true position. Null until the
-- application chooses one (the search index leaves a confidential place without one off the map).

ALTER TABLE "directory_locations" ADD COLUMN "public_latitude" REAL NULL;
ALTER TABLE "directory_locations" ADD COLUMN "public_longitude" REAL NULL;
