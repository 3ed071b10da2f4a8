import type { StaffRiskAssessmentDTO } from "@/lib/dal/orders/fraud/review-queue";
import type { RiskReason } from "@/lib/orders/fraud/score";
import { ApproveHeldOrderForm, CancelHeldOrderForm } from "./review-forms";

const stateLabels: Record<StaffRiskAssessmentDTO["state"], string> = {
  approved: "approved by the score",
  held: "held for review: packing and shipping wait for a reviewer",
  released: "approved by a reviewer",
  cancelled: "cancelled and refunded",
};

/** The reasons behind a fraud score, each with its points. */
export function RiskReasons({ reasons }: { reasons: RiskReason[] }) {
  if (reasons.length === 0) return <p>No risk signals.</p>;
  return (
    <ul className="list-disc pl-5">
      {reasons.map((reason) => (
        <li key={reason.code}>
          {reason.message} <span className="text-neutral-700">(+{reason.points})</span>
        </li>
      ))}
    </ul>
  );
}

/** The order page's fraud review section: the score, its reasons, where the review stands and, for a reviewer, the decisions. */
export function RiskAssessmentPanel({ orderId, assessment }: { orderId: string; assessment: StaffRiskAssessmentDTO }) {
  return (
    <section aria-labelledby="risk-heading" className={assessment.state === "held" ? "rounded border border-warning-300 bg-warning-50 p-3" : undefined}>
      <h2 id="risk-heading" className="font-semibold">Fraud review</h2>
      <p>
        Score {assessment.score}: {stateLabels[assessment.state]}.
      </p>
      <RiskReasons reasons={assessment.reasons} />
      {assessment.canReview && (
        <div className="mt-3 grid gap-6 md:grid-cols-2">
          <ApproveHeldOrderForm orderId={orderId} />
          <CancelHeldOrderForm orderId={orderId} />
        </div>
      )}
    </section>
  );
}
