// The 获取验证码 button beside a phone number: asks the server for a one-time code; a 429 shows how long to wait
// (Retry-After), counted down on the button, which stays disabled until then.
import { Alert, Button, type FormInstance } from "antd";
import { useEffect, useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { TooManyCodes, useRequestCode, type CodePurpose } from "../api/onboarding";

export function useCodeRequest(form: FormInstance, purpose: CodePurpose) {
  const { t } = useI18n();
  const request = useRequestCode();
  const [wait, setWait] = useState(0);
  const [note, setNote] = useState<{ type: "success" | "error" | "warning"; text: string } | null>(null);

  // one timer for the whole wait, not one a second
  const waiting = wait > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setWait((left) => Math.max(0, left - 1)), 1000);
    return () => clearInterval(timer);
  }, [waiting]);

  const ask = async () => {
    setNote(null);
    try {
      await form.validateFields(["phone"]);
    } catch {
      return;
    }
    const phone = String(form.getFieldValue("phone")).trim();
    request.mutate(
      { phone, purpose },
      {
        onSuccess: () => setNote({ type: "success", text: t("codeSent") }),
        onError: (error) => {
          if (error instanceof TooManyCodes) {
            setWait(error.seconds);
            setNote({ type: "warning", text: t("codeTooMany", { seconds: error.seconds }) });
            return;
          }
          const left = applyServerErrors(form, error);
          if (left) setNote({ type: "error", text: left });
        },
      },
    );
  };

  const button = (
    <Button onClick={() => void ask()} loading={request.isPending} disabled={wait > 0}>
      {wait > 0 ? t("codeWait", { seconds: wait }) : t("codeAsk")}
    </Button>
  );
  const alert = note && (
    <Alert
      type={note.type}
      showIcon
      title={note.text}
      role={note.type === "success" ? "status" : "alert"}
      style={{ marginBottom: 16 }}
    />
  );
  return { button, alert };
}
