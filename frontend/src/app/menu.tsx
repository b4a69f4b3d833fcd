// What each role is offered in the menu, and its start page: read from the route table (routeTable.tsx).
import type { Me } from "@/lib/session";
import { pagesFor, type MenuItem } from "./routeTable";

export interface MenuEntry extends MenuItem {
  path: string;
}

export function menuFor(me: Me): MenuEntry[] {
  return pagesFor(me).flatMap(({ path, menu }) => (menu ? [{ path, ...menu }] : []));
}

export function homeFor(me: Me): string {
  return menuFor(me)[0].path;
}
