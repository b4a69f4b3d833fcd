// Who is signed in, shared with every feature: the app loads it once (features/auth) and provides it here.
import { createContext, useContext } from "react";
import type { Schema } from "./api";

export type Role = Schema<"RoleEnum">;

/** Who is signed in: the schema's `Me` (GET /api/auth/me/). Its version (the footer) and the district's zone
 * (lib/format) are read where they are used, so a page's tests may leave them out. */
export type Me = Omit<Schema<"Me">, "version" | "time_zone"> & Partial<Pick<Schema<"Me">, "version" | "time_zone">>;

export const COORDINATOR_ROLES: Role[] = ["admin", "subdistrict_coordinator", "community_coordinator"];

export function isCoordinator(me: Me | null | undefined): boolean {
  return !!me && COORDINATOR_ROLES.includes(me.role);
}

export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error("useSession outside a signed-in page");
  return me;
}
