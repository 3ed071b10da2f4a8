import Link from "next/link";
import { can, type Permission, ROLE_LABELS, type StaffRoleName } from "@/lib/auth/permissions";

const sections: readonly { href: string; label: string; permission: Permission }[] = [
  { href: "/admin", label: "Dashboard", permission: "dashboard:read" },
  { href: "/admin/products", label: "Products", permission: "products:read" },
  { href: "/admin/categories", label: "Categories", permission: "products:read" },
  { href: "/admin/discounts", label: "Discount codes", permission: "discounts:read" },
  { href: "/admin/shipping", label: "Shipping and tax", permission: "shipping:manage" },
  { href: "/admin/orders", label: "Orders", permission: "orders:read" },
  // The packers' work list: paid orders waiting for a parcel, oldest first.
  { href: "/admin/orders?show=to_ship", label: "To ship", permission: "orders:fulfil" },
  // Paid orders the fraud score held: nothing ships until a reviewer decides.
  { href: "/admin/orders/review", label: "Fraud review", permission: "orders:review" },
  { href: "/admin/returns", label: "Returns", permission: "orders:returns" },
  { href: "/admin/customers", label: "Customers", permission: "customers:read" },
  { href: "/admin/staff", label: "Staff", permission: "staff:read" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
  { href: "/admin/security", label: "Security", permission: "security:read" },
  { href: "/admin/security/setup", label: "Self-check", permission: "security:read" },
  { href: "/admin/notifications", label: "Notifications", permission: "dashboard:read" },
];

/** The admin's sections the role may open (convenience only: every page checks its permission itself). */
export function AdminNav({ role, name }: { role: StaffRoleName; name: string }) {
  return (
    <nav aria-label="Admin" className="flex flex-col gap-1">
      <p className="mb-2 text-sm text-neutral-700">
        {name}
        <br />
        {ROLE_LABELS[role]}
      </p>
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {sections
          .filter((section) => can(role, section.permission))
          .map((section) => (
            <li key={section.href}>
              <Link href={section.href} className="inline-flex min-h-11 items-center rounded px-3 font-medium text-brand-700 hover:bg-neutral-100">
                {section.label}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
