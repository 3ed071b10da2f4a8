export function SiteFooter({ shopName }: { shopName: string }) {
  return (
    <footer className="border-t border-slate-200 bg-slate-50 print:hidden">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-700 sm:px-6">
        <p>
          © {new Date().getFullYear()} {shopName}. Payments are processed by Stripe; card details never reach
          this shop.
        </p>
      </div>
    </footer>
  );
}
