import type { ActionState } from "@/lib/actions/action-state";
import type { CustomerOrderReturnsDTO } from "@/lib/dal/orders/returns/customer-returns";
import { OrderReturns } from "./order-returns";
import { ReturnItemsForm } from "./return-items-form";

type Props = {
  returns: CustomerOrderReturnsDTO;
  /** Where the form posts: the signed-in order page's action, or the order-status link's. */
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
};

/** "Returns" on an order page: the returns so far, and the form while items may still be sent back. */
export function OrderReturnsSection({ returns, action }: Props) {
  if (!returns.canRequest && returns.returns.length === 0) return null;
  return (
    <section aria-labelledby="returns-heading" className="flex flex-col gap-3">
      <h2 id="returns-heading" className="font-semibold">
        Returns
      </h2>
      <OrderReturns returns={returns.returns} />
      {returns.canRequest && returns.windowEndsAt && (
        <section aria-labelledby="return-items-heading" className="flex flex-col gap-2">
          <h3 id="return-items-heading" className="font-medium">
            Return items
          </h3>
          <ReturnItemsForm action={action} lines={returns.lines} windowEndsAt={returns.windowEndsAt} />
        </section>
      )}
    </section>
  );
}
