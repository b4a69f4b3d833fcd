// The needs of the coordinator's scope (点单 review): file and edit needs, see each one's owner (首问) and deadline
// (限时办结), its detail with the owner history, hand it over to a colleague; filter by status or overdue, move a
// need on to its next status, dispatch (派单) — tick needs and merge them into a project, or turn one need into shifts — and enter
// the resident's rating of a completed need (评单) — the only way a need becomes rated; record who took an open need
// (接单: a volunteer, a team or a unit), shown on its row.
import { App, Button, Checkbox, Dropdown, Rate, Select, Space, Tag, Tooltip, Typography } from "antd";
import { DownOutlined } from "@ant-design/icons";
import { useState, type ReactNode } from "react";
import { SimpleList } from "@/components/SimpleList";
import { ApiError } from "@/lib/api";
import { enumLabel, useI18n } from "@/lib/i18n";
import { isCoordinator, useSession } from "@/lib/session";
import {
  DISPATCHABLE,
  isTakeable,
  NEXT_STATUS,
  OPEN,
  useNeed,
  useNeedTransition,
  useNeeds,
  type Need,
  type NeedStatus,
} from "../api/needs";
import { DeadlineRulesModal } from "./DeadlineRulesModal";
import { HandOverModal } from "./HandOverModal";
import { MergeNeedsModal } from "./MergeNeedsModal";
import { NeedDetailDrawer } from "./NeedDetailDrawer";
import { NeedForm } from "./NeedForm";
import { NeedShiftsModal } from "./NeedShiftsModal";
import { RateNeedModal } from "./RateNeedModal";
import { TakeNeedModal } from "./TakeNeedModal";

/** The form on one need, loaded whole first (the list masks the requester's contact). */
function EditNeed({ id, onClose }: { id: number; onClose: (saved: Need | null) => void }) {
  const need = useNeed(id);
  return need.data ? <NeedForm need={need.data} onClose={onClose} /> : null;
}

/** `actions`: what other features put in the list's toolbar (the route table composes them: 点单海报). */
export function NeedsPage({ actions }: { actions?: ReactNode } = {}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [rating, setRating] = useState<Need | null>(null);
  const [selected, setSelected] = useState<Need[]>([]);
  const [merging, setMerging] = useState(false);
  const [shifting, setShifting] = useState<Need | null>(null);
  // The form: "new" files a need, an id edits that one.
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [detail, setDetail] = useState<number | null>(null);
  const [handingOver, setHandingOver] = useState<Need | null>(null);
  const [taking, setTaking] = useState<Need | null>(null);
  const [rulesOpen, setRulesOpen] = useState(false);
  const me = useSession();
  const closeForm = (saved: Need | null) => {
    if (saved) void message.success(t("needSaved", { title: saved.title }));
    setEditing(null);
  };
  const transition = useNeedTransition();
  const move = (need: Need, next: NeedStatus) =>
    transition.mutate(
      { id: need.id, status: next },
      {
        onSuccess: () => void message.success(`${need.title} → ${enumLabel(t, "needStatus", next)}`),
        onError: (e) =>
          void modal.error({ title: t("refused"), content: e instanceof ApiError ? e.message : String(e) }),
      },
    );
  return (
    <>
      <SimpleList<Need>
        key={`${status ?? "all"}-${overdueOnly}`}
        title={t("menuNeeds")}
        useRows={useNeeds}
        filters={{ status, overdue: overdueOnly ? "true" : undefined }}
        emptyText={t("needsEmpty")}
        rowSelection={{
          selectedRowKeys: selected.map((n) => n.id),
          onChange: (_, rows) => setSelected(rows.filter(Boolean)),
          getCheckboxProps: (need) => ({ disabled: !DISPATCHABLE.includes(need.status), name: need.title }),
        }}
        extra={
          <>
            <Button type="primary" onClick={() => setEditing("new")} data-testid="new-need">
              {t("needNew")}
            </Button>
            <Tooltip title={selected.length ? t("selectedCount", { count: selected.length }) : t("mergeSelectHint")}>
              <Button
                type="primary"
                disabled={!selected.length}
                onClick={() => setMerging(true)}
                data-testid="merge-needs"
              >
                {t("mergeNeeds")}
                {selected.length ? ` (${selected.length})` : ""}
              </Button>
            </Tooltip>
            <Select
              allowClear
              placeholder={t("status")}
              style={{ width: 130 }}
              value={status}
              onChange={setStatus}
              options={Object.keys(NEXT_STATUS).map((s) => ({ value: s, label: enumLabel(t, "needStatus", s) }))}
            />
            {actions}
            <Button onClick={() => setRulesOpen(true)} data-testid="deadline-rules-open">
              {t("needDeadlineRules")}
            </Button>
            <Checkbox
              checked={overdueOnly}
              onChange={(e) => setOverdueOnly(e.target.checked)}
              data-testid="needs-overdue-only"
            >
              {t("overdueOnly")}
            </Checkbox>
          </>
        }
        columns={[
          {
            title: t("name"),
            dataIndex: "title",
            render: (title: string, need) => (
              <>
                <Typography.Link onClick={() => setDetail(need.id)}>{title}</Typography.Link>
                {need.is_micro_wish && (
                  <>
                    {" "}
                    <Tag color="pink">{t("microWish")}</Tag>
                  </>
                )}
                {need.overdue && (
                  <>
                    {" "}
                    <Tag color="red">{t("overdue")}</Tag>
                  </>
                )}
              </>
            ),
          },
          { title: t("source"), dataIndex: "source", render: (_, need) => enumLabel(t, "needSource", need.source) },
          { title: t("community"), dataIndex: "community_name" },
          { title: t("urgency"), dataIndex: "urgency" },
          { title: t("deadline"), dataIndex: "deadline" },
          {
            title: t("needOwner"),
            dataIndex: "owner_name",
            render: (name: string | null) =>
              name ?? <Typography.Text type="secondary">{t("needNoOwner")}</Typography.Text>,
          },
          {
            title: t("status"),
            dataIndex: "status",
            render: (_, need) => <Tag>{enumLabel(t, "needStatus", need.status)}</Tag>,
          },
          {
            title: t("needTaker"),
            dataIndex: "taker",
            render: (_, need) =>
              need.taker && (
                <span data-testid="need-taker">
                  <Tag>{enumLabel(t, "needTakerKind", need.taker.kind)}</Tag>
                  {need.taker.name}
                </span>
              ),
          },
          {
            title: t("rating"),
            dataIndex: "rating_score",
            render: (score: number | null, need) =>
              score == null ? null : (
                <Space orientation="vertical" size={0}>
                  <Rate disabled value={score} style={{ fontSize: 14 }} aria-label={`${t("ratingScore")} ${score}`} />
                  {need.rating_comment && (
                    <Typography.Text
                      type="secondary"
                      ellipsis={{ tooltip: need.rating_comment }}
                      style={{ maxWidth: 220 }}
                    >
                      {need.rating_comment}
                    </Typography.Text>
                  )}
                </Space>
              ),
          },
          {
            title: t("actions"),
            render: (_, need) => (
              <Space size="small">
                <Button size="small" onClick={() => setEditing(need.id)}>
                  {t("edit")}
                </Button>
                {OPEN.includes(need.status) && (
                  <Button size="small" onClick={() => setHandingOver(need)}>
                    {t("needHandOver")}
                  </Button>
                )}
                {isCoordinator(me) && isTakeable(need) && (
                  <Button size="small" onClick={() => setTaking(need)}>
                    {t("needTake")}
                  </Button>
                )}
                {DISPATCHABLE.includes(need.status) && (
                  <Button size="small" onClick={() => setShifting(need)}>
                    {t("needToShifts")}
                  </Button>
                )}
                {need.status === "completed" && need.rating_score == null && (
                  <Button size="small" type="primary" onClick={() => setRating(need)}>
                    {t("rateNeed")}
                  </Button>
                )}
                {NEXT_STATUS[need.status].length > 0 && (
                  <Dropdown
                    trigger={["click"]}
                    menu={{
                      items: NEXT_STATUS[need.status].map((next) => ({
                        key: next,
                        label: enumLabel(t, "needStatus", next),
                      })),
                      onClick: ({ key }) => {
                        const next = NEXT_STATUS[need.status].find((status) => status === key);
                        if (next) move(need, next);
                      },
                    }}
                  >
                    <Button size="small">
                      {t("moveTo")} <DownOutlined />
                    </Button>
                  </Dropdown>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing === "new" && <NeedForm onClose={closeForm} />}
      {typeof editing === "number" && <EditNeed id={editing} onClose={closeForm} />}
      {detail !== null && (
        <NeedDetailDrawer
          id={detail}
          onClose={() => setDetail(null)}
          onEdit={(need) => setEditing(need.id)}
          onHandOver={(need) => setHandingOver(need)}
        />
      )}
      {handingOver && (
        <HandOverModal
          need={handingOver}
          onClose={() => setHandingOver(null)}
          onDone={(need) => {
            message.success(t("needHandOverDone", { title: need.title, name: need.owner_name ?? "" }));
            setHandingOver(null);
          }}
        />
      )}
      {taking && (
        <TakeNeedModal
          need={taking}
          onClose={() => setTaking(null)}
          onDone={(need) => {
            message.success(t("needTakeDone", { title: need.title, name: need.taker?.name ?? "" }));
            setTaking(null);
          }}
        />
      )}
      {rulesOpen && (
        <DeadlineRulesModal
          editable={me.role === "admin"}
          onClose={() => setRulesOpen(false)}
          onSaved={() => {
            message.success(t("needDeadlineRulesSaved"));
            setRulesOpen(false);
          }}
        />
      )}
      {merging && (
        <MergeNeedsModal
          needs={selected}
          onClose={() => setMerging(false)}
          onDone={(result) => {
            message.success(t("mergeDone", { name: result.name }));
            setMerging(false);
            setSelected([]);
          }}
        />
      )}
      {shifting && (
        <NeedShiftsModal
          need={shifting}
          onClose={() => setShifting(null)}
          onDone={(result) => {
            message.success(t("needShiftsDone", { title: shifting.title, count: result.shifts.length }));
            setShifting(null);
          }}
        />
      )}
      {rating && (
        <RateNeedModal
          need={rating}
          onClose={() => setRating(null)}
          onDone={() => {
            message.success(t("ratingSaved", { title: rating.title }));
            setRating(null);
          }}
        />
      )}
    </>
  );
}
