// Shapes of the planning endpoints, from the server's schema (src/api/schema.d.ts), and what the pages read of them.
import type { Schema } from "@/lib/api";

export type MatchingRun = Schema<"MatchingRunOutput">;
export type RunStatus = MatchingRun["status"];
export type Assignment = Schema<"AssignmentOutput">;
export type UnfilledSeat = Schema<"UnfilledSeatOutput">;
export type ShiftRow = Schema<"Shift">;

export const ACTIVE_STATUSES: RunStatus[] = ["queued", "building", "solving", "saving"];
export const isActive = (status: RunStatus | undefined) => !!status && ACTIVE_STATUSES.includes(status);

export { runScope, scopeName } from "@/components/runs/scope";
export type ResourceBooking = Schema<"ResourceBookingOutput">;
export type UnmetRequest = Schema<"UnmetRequest">;
export type BookingAlternative = Schema<"BookingAlternative">;
