// Who is signed in, shared with every feature: the app loads it once (features/auth) and provides it here.
import { createContext, useContext } from "react";

export type Role =
  | "admin"
  | "subdistrict_coordinator"
  | "community_coordinator"
  | "unit_representative"
  | "volunteer";

export interface Me {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  sub_district: number | null;
  community: number | null;
  unit: number | null;
  volunteer: number | null;
}

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
