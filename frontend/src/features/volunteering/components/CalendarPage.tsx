// My calendar feed link: copy it into a phone calendar, or rotate it when it leaked.
import { App, Button, Card, Input, Popconfirm, Space, Typography } from "antd";
import { ErrorState, Loading } from "@/components/PageState";
import { copyText } from "@/lib/clipboard";
import { useI18n } from "@/lib/i18n";
import { useCalendarToken, useRotateCalendarToken } from "../api/myPosts";

export function CalendarPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const token = useCalendarToken();
  const rotate = useRotateCalendarToken();
  if (token.isLoading) return <Loading />;
  if (token.isError) return <ErrorState error={token.error} onRetry={() => token.refetch()} />;
  const url = token.data!.url;
  const copy = () => {
    copyText(url).then(
      () => message.success(t("copied")),
      () => message.error(t("copyFailed")),
    );
  };
  return (
    <Space orientation="vertical" style={{ width: "100%", maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("calendarTitle")}
      </Typography.Title>
      <Card>
        <Typography.Paragraph>{t("calendarText")}</Typography.Paragraph>
        <Space.Compact style={{ width: "100%" }}>
          <Input readOnly value={url} data-testid="calendar-url" />
          <Button onClick={copy}>{t("copy")}</Button>
        </Space.Compact>
        <Popconfirm
          title={t("rotateConfirm")}
          okText={t("confirm")}
          cancelText={t("cancel")}
          onConfirm={() => rotate.mutate(undefined, { onSuccess: () => void message.success(t("rotated")) })}
        >
          <Button danger style={{ marginTop: 16 }} loading={rotate.isPending}>
            {t("rotate")}
          </Button>
        </Popconfirm>
      </Card>
    </Space>
  );
}
