import type { Metadata } from "next";
import { SelfCheckList } from "@/components/admin/security/self-check-list";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { getSetupFacts } from "@/lib/dal/operations/setup-facts";
import { env } from "@/lib/env";
import { hasFailure, selfCheckItems } from "@/lib/self-check/self-check";

export const metadata: Metadata = { title: "Setup self-check" };

/** The same items as `npm run security:check`, for this running instance's configuration. */
export default async function SetupSelfCheckPage() {
  const viewer = await requireStaffPermission("security:read", { returnTo: "/admin/security/setup" });
  const items = selfCheckItems(env, await getSetupFacts(viewer), process.versions.node, new Date());
  const failing = hasFailure(items);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Setup self-check</h1>
      <p role="status" className="text-neutral-700">
        {failing ? "Some items fail: fix them before trusting this shop with customers." : "Nothing fails."} The same list is printed by{" "}
        <code>npm run security:check</code>, which exits non-zero on a failing item.
      </p>
      <SelfCheckList items={items} />
    </div>
  );
}
