// The 404 page: says what happened and where to go.
import { Button, Result } from "antd";
import { Link } from "react-router";
import { useI18n } from "@/lib/i18n";

export function NotFound({ home = "/" }: { home?: string }) {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t("notFoundTitle")}
      subTitle={t("notFoundText")}
      extra={
        <Link to={home}>
          <Button type="primary">{t("backHome")}</Button>
        </Link>
      }
    />
  );
}
