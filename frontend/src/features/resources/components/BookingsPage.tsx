// The unit's bookings. The lending endpoints are being built (backend/lending/); until then this page says so
// and points to what the representative can do now.
import { Button, Typography } from "antd";
import { Link } from "react-router";
import { EmptyState } from "@/components/PageState";
import { useI18n } from "@/lib/i18n";

export function BookingsPage() {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={3}>{t("bookingsTitle")}</Typography.Title>
      <EmptyState
        text={t("bookingsEmpty")}
        action={
          <Link to="/resources">
            <Button type="primary">{t("goToResources")}</Button>
          </Link>
        }
      />
    </>
  );
}
