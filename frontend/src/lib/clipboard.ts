// Copying text for the person: the browser's clipboard, which a page over plain http does not get and which the
// browser may refuse; either way the promise rejects, so that the page says so rather than that it copied.
export function copyText(text: string): Promise<void> {
  if (!navigator.clipboard) return Promise.reject(new Error("no clipboard on this page"));
  return navigator.clipboard.writeText(text);
}
