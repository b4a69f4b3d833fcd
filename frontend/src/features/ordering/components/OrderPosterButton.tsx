// 点单海报, small, where coordinators list needs: the printable poster with the QR code of the community's public
// order page. A community coordinator prints their own; others choose one of the communities in their scope.
import { Button, Select } from "antd";
import { useCommunities } from "@/lib/communities";
import { useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import { orderPosterUrl } from "../api/ordering";

export function OrderPosterButton() {
  const { t } = useI18n();
  const me = useSession();
  const own = me.role === "community_coordinator" ? me.community : null;
  const communities = useCommunities(own === null);
  if (own !== null) {
    return (
      <Button href={orderPosterUrl(own)} target="_blank" rel="noopener" data-testid="order-poster">
        {t("orderPoster")}
      </Button>
    );
  }
  return (
    <Select
      showSearch
      optionFilterProp="label"
      placeholder={t("orderPoster")}
      aria-label={t("orderPosterPick")}
      title={t("orderPosterPick")}
      style={{ width: 140 }}
      value={null}
      loading={communities.isLoading}
      options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
      onChange={(community: number) => window.open(orderPosterUrl(community), "_blank", "noopener")}
      data-testid="order-poster"
    />
  );
}
