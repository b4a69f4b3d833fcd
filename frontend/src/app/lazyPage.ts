// A page (or a part of one) as its own chunk, fetched with its feature's words the first time it renders; the
// Suspense around it shows the loading state meanwhile.
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import { loadWords } from "@/lib/i18n";

/** `scope`: the feature whose words the page shows (its folder's name); any component, whatever its props. */
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(
  scope: string,
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(() => Promise.all([load(), loadWords(scope)]).then(([module]) => ({ default: module[name] })));
}
