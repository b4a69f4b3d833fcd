// Puts the server's field errors on an Ant Design form; what names no field is returned for an alert.
// `aliases` maps a server field onto the form field that edits it (start_time and end_time onto one range picker).
import type { FormInstance } from "antd";
import { ApiError } from "./api";

export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  aliases: Record<string, string> = {},
): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  // antd types a form's values as any: every field registered (true), and those with a value.
  const names = (values: unknown) => Object.keys((values as object | undefined) ?? {});
  const known = new Set([...names(form.getFieldsValue(true)), ...names(form.getFieldsValue())]);
  const byField: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(error.fieldMessages())) {
    const target = aliases[name] ?? name;
    byField[target] = [...(byField[target] ?? []), ...messages];
  }
  const onForm = Object.entries(byField).filter(([name]) => known.has(name));
  form.setFields(onForm.map(([name, errors]) => ({ name, errors })));
  const leftOver = Object.keys(byField).some((name) => !known.has(name));
  return onForm.length && !leftOver ? null : error.message;
}
