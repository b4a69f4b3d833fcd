// Puts the server's field errors on an Ant Design form; what names no field is returned for an alert.
import type { FormInstance } from "antd";
import { ApiError } from "./api";

export function applyServerErrors(form: FormInstance, error: unknown): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
  const byField = error.fieldMessages();
  const onForm = Object.entries(byField).filter(([name]) => known.has(name));
  form.setFields(onForm.map(([name, errors]) => ({ name, errors })));
  const leftOver = Object.keys(byField).some((name) => !known.has(name));
  return onForm.length && !leftOver ? null : error.message;
}
