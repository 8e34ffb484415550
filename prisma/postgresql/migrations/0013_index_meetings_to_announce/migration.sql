-- CreateIndex
CREATE INDEX "Meeting_status_announcedAt_startsAt_idx" ON "Meeting"("status", "announcedAt", "startsAt");

