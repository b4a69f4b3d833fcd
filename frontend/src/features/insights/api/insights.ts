// The coordinators' trend figures (backend/insights/apis.py): one endpoint per figure, each answering its period
// (whole ISO weeks) and scope.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiClient, unwrap, type Schema } from "@/lib/api";

export interface InsightFilter {
  weeks: number;
  community?: number;
}

export type WeekRow = Schema<"InsightWeek">;
export type HoursByCommunity = Schema<"InsightHoursByCommunity">;
export type Fairness = Schema<"InsightFairness">;
export type ResourceUse = Schema<"InsightResources">;
export type MissingSkill = Schema<"InsightMissingSkill">;

function useFigure<D>(name: string, filter: InsightFilter, fetchFigure: () => Promise<D>) {
  return useQuery({
    queryKey: ["insights", name, filter],
    queryFn: fetchFigure,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Every figure is asked for the same period and community. */
const asked = (filter: InsightFilter) => ({ params: { query: { weeks: filter.weeks, community: filter.community } } });

export const useWeekFigures = (filter: InsightFilter) =>
  useFigure("weeks", filter, () => unwrap(apiClient.GET("/api/insights/weeks/", asked(filter))));
export const useHoursByCommunity = (filter: InsightFilter) =>
  useFigure("hours-by-community", filter, () =>
    unwrap(apiClient.GET("/api/insights/hours-by-community/", asked(filter))),
  );
export const useFairness = (filter: InsightFilter) =>
  useFigure("fairness", filter, () => unwrap(apiClient.GET("/api/insights/fairness/", asked(filter))));
export const useResourceUse = (filter: InsightFilter) =>
  useFigure("resources", filter, () => unwrap(apiClient.GET("/api/insights/resources/", asked(filter))));
export const useMissingSkills = (filter: InsightFilter) =>
  useFigure("missing-skills", filter, () => unwrap(apiClient.GET("/api/insights/missing-skills/", asked(filter))));
