// What a refused public call says: a 429 with the seconds to wait, counted down; any other refusal as the server
// worded it. `waiting` tells the caller to keep its button disabled meanwhile.
import { useEffect, useState } from "react";
import { useI18n } from "@/lib/i18n";
import { OrderWait } from "../api/ordering";

export function useWait() {
  const { t } = useI18n();
  const [seconds, setSeconds] = useState(0);
  const waiting = seconds > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setSeconds((left) => Math.max(0, left - 1)), 1000);
    return () => clearInterval(timer);
  }, [waiting]);
  /** The refusal's text for an alert; a 429 starts the count-down. */
  const explain = (error: unknown): string => {
    if (error instanceof OrderWait) {
      setSeconds(error.seconds);
      return t("orderWait", { seconds: error.seconds });
    }
    return error instanceof Error ? error.message : String(error);
  };
  return { seconds, waiting, explain };
}
