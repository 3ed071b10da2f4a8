import { consoleIo } from "./incident/command-io";
import { runIncidentTool } from "./incident/tools";

const [tool, ...args] = process.argv.slice(2);
process.exit(await runIncidentTool(tool, args, consoleIo));
