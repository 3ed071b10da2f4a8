import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { hashPassword } from "@/lib/auth/password/hashing";
import { checkPasswordPolicy } from "@/lib/auth/password/policy";
import { isStaffRole, ROLE_LABELS, STAFF_ROLES } from "@/lib/auth/permissions";
import { staffAccountMessage } from "@/lib/actions/admin/staff/staff-account-messages";
import { createStaffAccount, setupLink } from "@/lib/dal/staff/accounts";
import { StaffAccountError } from "@/lib/dal/staff/account-errors";
import { env } from "@/lib/env";

const usage = `Usage: npm run staff:create -- --email <email> --role <${STAFF_ROLES.join("|")}> [--name <name>] [--password-stdin | --setup-link]`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values: args } = (() => {
  try {
    return parseArgs({
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        "password-stdin": { type: "boolean", default: false },
        "setup-link": { type: "boolean", default: false },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
})();

const email = args.email?.trim() ?? "";
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) fail(`A valid --email is required.\n${usage}`);
if (!isStaffRole(args.role)) fail(`--role must be one of: ${STAFF_ROLES.join(", ")}.\n${usage}`);
const role = args.role;
const name = (args.name ?? email.split("@")[0] ?? "Staff").trim().slice(0, 100);
if (args["password-stdin"] && args["setup-link"]) fail("Choose one of --password-stdin and --setup-link.");

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    const write = output._writeToOutput.bind(rl);
    output._writeToOutput = (text: string) => write(text.startsWith(question) ? question : "");
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function passwordFromUser(): Promise<string | null> {
  if (args["setup-link"]) return null;
  if (args["password-stdin"]) return readStdin();
  if (!process.stdin.isTTY) fail("No terminal to ask for a password: use --password-stdin or --setup-link.");
  const first = await askHidden("Password: ");
  if ((await askHidden("Repeat it: ")) !== first) fail("The two passwords differ.");
  return first;
}

const password = await passwordFromUser();
if (password !== null) {
  const policy = await checkPasswordPolicy(password, { email, name });
  if (!policy.ok) fail(policy.message);
}
try {
  const { setupToken } = await createStaffAccount(
    {
      email,
      name,
      role,
      passwordHash: password === null ? null : await hashPassword(password),
      placeholderHash: await hashPassword(randomBytes(32).toString("base64url")),
    },
    null,
    { ip: "127.0.0.1", userAgent: "npm run staff:create", requestId: null },
  );
  console.log(`Created ${ROLE_LABELS[role]} account ${email}.`);
  if (setupToken) console.log(`Single-use set-up link (valid 72 hours):\n  ${setupLink(setupToken)}`);
  console.log(`Sign in at ${env.SITE_URL}/sign-in; two-factor authentication is set up at the first sign-in.`);
  process.exit(0);
} catch (error) {
  if (error instanceof StaffAccountError) fail(staffAccountMessage(error));
  throw error;
}
