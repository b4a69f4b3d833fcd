// The signed-in app: the frame (Shell) around the routes of the user's role, read from the route table. Loaded
// after sign-in, so the sign-in page does not carry the menu, the frame or the routes.
import { Suspense } from "react";
import { Navigate, useRoutes, type RouteObject } from "react-router";
import { Loading } from "@/components/PageState";
import { useLogout } from "@/features/auth/api/session";
import { setDistrictZone } from "@/lib/format";
import { SessionContext, type Me } from "@/lib/session";
import { homeFor } from "./menu";
import { NotFound, pagesFor } from "./routeTable";
import { Shell } from "./Shell";

/** The router's routes for this user: the role's pages, the start page at `/` (and `/login`, where sign-in left
 * the address), and the 404 page for every other address, other roles' pages included. */
export function routesFor(me: Me): RouteObject[] {
  const home = homeFor(me);
  return [
    { path: "/", element: <Navigate to={home} replace /> },
    { path: "/login", element: <Navigate to={home} replace /> },
    ...pagesFor(me).map(({ path, element }) => ({ path, element })),
    { path: "*", element: <NotFound home={home} /> },
  ];
}

function Routes({ me }: { me: Me }) {
  return useRoutes(routesFor(me));
}

export function SignedIn({ me }: { me: Me }) {
  setDistrictZone(me.time_zone); // before any page formats a time (idempotent)
  const logout = useLogout();
  return (
    <SessionContext.Provider value={me}>
      <Shell onLogout={() => logout.mutate()}>
        <Suspense fallback={<Loading />}>
          <Routes me={me} />
        </Suspense>
      </Shell>
    </SessionContext.Provider>
  );
}
