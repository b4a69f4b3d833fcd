// 中文 / English.
import { Button } from "antd";
import { GlobalOutlined } from "@ant-design/icons";
import { useI18n } from "@/lib/i18n";

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLang(lang === "zh" ? "en" : "zh")}
      data-testid="lang-switch"
    >
      {t("language")}
    </Button>
  );
}
