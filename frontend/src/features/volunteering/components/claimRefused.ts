// What a refused claim tells the volunteer: a title of its own when someone else was first (the code given), the
// server's sentence (which names the rule broken) as the content.
import type { ModalStaticFunctions } from "antd/es/modal/confirm";
import { ApiError } from "@/lib/api";

export function showClaimRefused(
  modal: Pick<ModalStaticFunctions, "error">,
  error: unknown,
  { takenCode, takenTitle, refusedTitle }: { takenCode: string; takenTitle: string; refusedTitle: string },
) {
  const title = error instanceof ApiError && error.code === takenCode ? takenTitle : refusedTitle;
  void modal.error({ title, content: error instanceof ApiError ? error.message : String(error) });
}
