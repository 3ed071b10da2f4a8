import Link from "next/link";
import { INFORMATION_PAGES } from "@/lib/legal/information-pages";

export function SiteFooter({ shopName, contactEmail }: { shopName: string; contactEmail: string }) {
  return (
    <footer className="border-t border-neutral-200 bg-neutral-50 print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6 text-sm text-neutral-700 sm:px-6">
        <nav aria-label="Shop information">
          <ul className="flex flex-wrap gap-x-2 gap-y-1">
            {Object.values(INFORMATION_PAGES).map((page) => (
              <li key={page.href}>
                {/* Not prefetched: the catalog's shared pages list these on every view. */}
                <Link href={page.href} prefetch={false} className="inline-flex min-h-11 items-center px-1 underline-offset-2 hover:underline">
                  {page.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p>
          Questions? <a className="underline" href={`mailto:${contactEmail}`}>{contactEmail}</a>
        </p>
        <p>
          © {new Date().getFullYear()} {shopName}. Payments are processed by Stripe; card details never reach this shop.
        </p>
      </div>
    </footer>
  );
}
