/** Whether shoppers can see a product, as a label (text, not colour alone). */
export function StatusBadge({ published, archived = false }: { published: boolean; archived?: boolean }) {
  const label = archived ? "Archived" : published ? "Published" : "Unpublished";
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${published ? "bg-success-100 text-success-900" : "bg-neutral-200 text-neutral-900"}`}
    >
      {label}
    </span>
  );
}
