// Shapes of the post allocation endpoints, from the server's schema (src/api/schema.d.ts), and what the pages read
// of them.
import type { Schema } from "@/lib/api";

export type AllocationRun = Schema<"AllocationRunOutput">;
export type AllocationStatus = AllocationRun["status"];
export type Proposal = Schema<"ProposalOutput">;
export type UnfilledPost = Schema<"UnfilledPostOutput">;
export type PostHolding = Schema<"MyPostHolding">;
export type HoldingStatus = PostHolding["status"];

export const isActive = (status: AllocationStatus | undefined) => status === "queued" || status === "solving";
