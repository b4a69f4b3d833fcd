// A run's resource bookings (rooms, vans) before publishing: each with the shift, what it asked for, the resource
// chosen and why (the optimizer's figures, in the reader's language); a pin keeps it through the next run, and a
// swap offers the other resources that keep every hard rule. Below, the requests left without a resource and why.
import { App, Button, Modal, Space, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { EmptyState, ErrorState } from "@/components/PageState";
import { ApiError } from "@/lib/api";
import { formatSpan } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useAlternatives, useBookings, usePinBooking, useSwapBooking } from "../api/bookings";
import type { BookingAlternative, MatchingRun, ResourceBooking, UnmetRequest } from "../api/types";

const WHY_COLOR: Record<string, string> = { nearest: "green", suitable: "blue", rule_broken: "red" };

function Wanted({ kind, min_capacity, features }: { kind: string; min_capacity: number; features: string[] }) {
  const { t } = useI18n();
  const extra = features.length ? ` · ${features.join("、")}` : "";
  return <>{`${enumLabel(t, "cat", kind)} · ${t("bookingAtLeast", { count: min_capacity })}${extra}`}</>;
}

function Shift({
  row,
}: {
  row: { shift_title: string; shift_start: string; shift_end: string; community_name: string };
}) {
  return (
    <>
      <div>{row.shift_title}</div>
      <Typography.Text type="secondary">{`${formatSpan(row.shift_start, row.shift_end)} · ${row.community_name}`}</Typography.Text>
    </>
  );
}

export function BookingsPanel({ run, editable }: { run: MatchingRun; editable: boolean }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const bookings = useBookings(run.id);
  const pin = usePinBooking(run.id);
  const [swapping, setSwapping] = useState<ResourceBooking | null>(null);
  const refused = (error: unknown) => {
    modal.error({ title: t("refused"), content: error instanceof ApiError ? error.message : String(error) });
  };

  if (bookings.isError) return <ErrorState error={bookings.error} onRetry={() => bookings.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="run-bookings">
      <Table<ResourceBooking>
        rowKey="id"
        size="small"
        loading={bookings.isLoading}
        dataSource={bookings.data?.bookings}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: <EmptyState text={t("planBookingsEmpty")} /> }}
        columns={[
          { title: t("bookingShift"), render: (_, row) => <Shift row={row} /> },
          { title: t("bookingWanted"), render: (_, row) => <Wanted {...row} /> },
          {
            title: t("bookingResource"),
            render: (_, row) => (
              <>
                <div>{`${row.resource_name}（${t("bookingHolds", { count: row.resource_capacity })}）`}</div>
                <Typography.Text type="secondary">{row.unit_name ?? t("bookingFacility")}</Typography.Text>
              </>
            ),
          },
          {
            title: t("bookingWhy"),
            render: (_, row) =>
              row.why && (
                <>
                  <Tag color={WHY_COLOR[row.why.code]}>{enumLabel(t, "why", row.why.code)}</Tag>
                  <div>{row.why.message}</div>
                  {row.conditions && (
                    <Typography.Text type="secondary">{`${t("bookingConditions")}：${row.conditions}`}</Typography.Text>
                  )}
                </>
              ),
          },
          {
            title: t("pinned"),
            render: (_, row) => (
              <Switch
                size="small"
                checked={row.pinned}
                disabled={!editable}
                aria-label={`${t("pinned")} ${row.resource_name}`}
                onChange={(pinned) => pin.mutate({ id: row.id, pinned }, { onError: refused })}
              />
            ),
          },
          ...(editable
            ? [
                {
                  title: t("actions"),
                  render: (_: unknown, row: ResourceBooking) => (
                    <Button type="link" size="small" onClick={() => setSwapping(row)}>
                      {t("bookingSwap")}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={5}>{t("bookingUnmetTitle")}</Typography.Title>
      <Table<UnmetRequest>
        rowKey="request"
        size="small"
        loading={bookings.isLoading}
        dataSource={bookings.data?.unmet}
        pagination={false}
        locale={{ emptyText: <EmptyState text={t("bookingUnmetEmpty")} /> }}
        columns={[
          { title: t("bookingShift"), render: (_, row) => <Shift row={row} /> },
          { title: t("bookingWanted"), render: (_, row) => <Wanted {...row} /> },
          { title: t("bookingWhyNot"), dataIndex: "message" },
        ]}
      />
      {swapping && <SwapModal runId={run.id} booking={swapping} onClose={() => setSwapping(null)} />}
    </Space>
  );
}

function SwapModal({ runId, booking, onClose }: { runId: number; booking: ResourceBooking; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const alternatives = useAlternatives(runId, booking.id);
  const swap = useSwapBooking(runId);
  const [error, setError] = useState<string | null>(null);
  const choose = (resource: number) => {
    setError(null);
    swap.mutate(
      { id: booking.id, resource },
      {
        onSuccess: () => {
          void message.success(t("bookingSwapped"));
          onClose();
        },
        onError: (failure) => setError(failure instanceof ApiError ? failure.message : String(failure)),
      },
    );
  };
  return (
    <Modal
      open
      title={`${t("bookingSwapTitle")} · ${booking.shift_title}`}
      onCancel={onClose}
      footer={null}
      width={760}
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {alternatives.isError ? (
        <ErrorState error={alternatives.error} onRetry={() => alternatives.refetch()} />
      ) : (
        <Table<BookingAlternative>
          rowKey="resource"
          size="small"
          loading={alternatives.isLoading}
          dataSource={alternatives.data}
          pagination={false}
          locale={{ emptyText: <EmptyState text={t("bookingAlternativesEmpty")} /> }}
          columns={[
            { title: t("bookingResource"), dataIndex: "name" },
            { title: t("bookingOwner"), render: (_, row) => row.unit_name ?? t("bookingFacility") },
            { title: t("bookingCapacity"), render: (_, row) => row.capacity },
            { title: t("bookingDistance"), render: (_, row) => t("bookingKm", { km: row.distance_km }) },
            {
              title: t("actions"),
              render: (_, row) => (
                <Button size="small" loading={swap.isPending} onClick={() => choose(row.resource)}>
                  {t("bookingChoose")}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
