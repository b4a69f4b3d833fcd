// A page (or a part of one) as its own chunk, fetched with its feature's words the first time it renders; the
// Suspense around it shows the loading state meanwhile.
import { lazy, type LazyExoticComponent } from "react";
import { loadWords } from "@/lib/i18n";

/** Whatever React's lazy() takes: any component, whatever its props. */
type Component = Awaited<ReturnType<Parameters<typeof lazy>[0]>>["default"];

/** `scope`: the feature whose words the page shows (its folder's name). */
export function lazyPage<M extends Record<K, Component>, K extends keyof M & string>(
  scope: string,
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(() => Promise.all([load(), loadWords(scope)]).then(([module]) => ({ default: module[name] })));
}
