import { describeAdapterContract } from "./contract/adapter-contract.ts";
import { startConsoleDriver } from "./contract/console-driver.ts";

describeAdapterContract("the console", startConsoleDriver, undefined, { messageShortcuts: false });
