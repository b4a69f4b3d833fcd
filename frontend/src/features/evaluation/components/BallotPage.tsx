// The public ballot (no login, phone first): a representative opens /appraisal/<code>, rates every unit 满意 /
// 基本满意 / 不满意 and submits once. An unknown or used code shows the server's message.
import { Alert, Button, Card, Radio, Result, Space, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useParams } from "react-router";
import { Loading } from "@/components/PageState";
import { useBallot, useSubmitBallot, type Rating } from "../api/appraisal";
import { useI18n } from "@/lib/i18n";

const RATING_KEYS = {
  satisfied: "apprSatisfied",
  basically_satisfied: "apprBasically",
  dissatisfied: "apprDissatisfied",
} as const;

function Frame({ children, header }: { children: ReactNode; header?: ReactNode }) {
  return (
    <div style={{ maxWidth: 560, margin: "0 auto", padding: "16px 12px 48px" }}>
      {header && <div style={{ textAlign: "right", marginBottom: 8 }}>{header}</div>}
      {children}
    </div>
  );
}

/** `code` from the caller when the page is shown outside a route (the app's public frame), else the URL's. */
export function BallotPage({ header, code: given }: { header?: ReactNode; code?: string }) {
  const { t } = useI18n();
  const params = useParams();
  const code = given ?? params.code ?? "";
  const ballot = useBallot(code);
  const submit = useSubmitBallot(code);
  const [ratings, setRatings] = useState<Record<number, Rating>>({});
  const [missing, setMissing] = useState(false);

  if (ballot.isLoading)
    return (
      <Frame header={header}>
        <Loading />
      </Frame>
    );
  if (ballot.isError) {
    return (
      <Frame header={header}>
        <Result status="warning" title={t("ballotCannotOpen")} subTitle={ballot.error.message} />
      </Frame>
    );
  }
  if (submit.isSuccess) {
    return (
      <Frame header={header}>
        <Result status="success" title={t("ballotThanks")} subTitle={t("ballotThanksText")} />
      </Frame>
    );
  }
  const data = ballot.data!;
  const left = data.units.filter((unit) => !ratings[unit.id]).length;
  const send = () => {
    if (left) {
      setMissing(true);
      return;
    }
    submit.mutate(data.units.map((unit) => ({ unit: unit.id, rating: ratings[unit.id] })));
  };

  return (
    <Frame header={header}>
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {data.title}
          </Typography.Title>
          <Typography.Text type="secondary">{t("ballotIntro")}</Typography.Text>
        </div>
        {data.units.map((unit) => (
          <Card
            key={unit.id}
            size="small"
            title={unit.name}
            style={missing && !ratings[unit.id] ? { borderColor: "#ff4d4f" } : undefined}
          >
            <Radio.Group
              aria-label={unit.name}
              value={ratings[unit.id]}
              onChange={(event) => setRatings({ ...ratings, [unit.id]: event.target.value as Rating })}
              optionType="button"
              buttonStyle="solid"
              block
              options={data.ratings.map((rating) => ({
                value: rating.value,
                label: rating.value in RATING_KEYS ? t(RATING_KEYS[rating.value]) : rating.label,
              }))}
            />
          </Card>
        ))}
        {missing && left > 0 && <Alert type="error" showIcon title={t("ballotRateAll", { count: left })} />}
        {submit.isError && <Alert type="error" showIcon title={submit.error.message} />}
        <Button type="primary" size="large" block onClick={send} loading={submit.isPending}>
          {t("ballotSubmit")}
        </Button>
      </Space>
    </Frame>
  );
}
