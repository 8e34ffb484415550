-- CreateTable
CREATE TABLE "SlackInstallation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "installation" TEXT NOT NULL,
    "installedAt" DATETIME NOT NULL
);

