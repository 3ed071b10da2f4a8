/** Whether shoppers can see a product, as a label (text, not colour alone). */
export function StatusBadge({ published }: { published: boolean }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${published ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-900"}`}
    >
      {published ? "Published" : "Unpublished"}
    </span>
  );
}
