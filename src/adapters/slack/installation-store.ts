import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { Deps } from "../../app/context.ts";
import { deleteSlackInstallation, findSlackInstallation, installationKey, saveSlackInstallation } from "../../store/slack-installations.ts";

/** Bolt's installation store on our database: one row per workspace (or org) that installed the app. */
export function databaseInstallationStore(deps: Deps): InstallationStore {
  return {
    storeInstallation: async (installation: Installation) =>
      saveSlackInstallation(
        deps.db,
        installationKey({
          isEnterpriseInstall: installation.isEnterpriseInstall,
          enterpriseId: installation.enterprise?.id,
          teamId: installation.team?.id,
        }),
        installation,
        deps.clock.now(),
      ),
    fetchInstallation: async (query: InstallationQuery<boolean>) => {
      const found = await findSlackInstallation(deps.db, installationKey(query));
      if (!found) throw new Error(`the app is not installed in ${installationKey(query)}`);
      return found as Installation;
    },
    deleteInstallation: async (query: InstallationQuery<boolean>) => deleteSlackInstallation(deps.db, installationKey(query)),
  };
}
