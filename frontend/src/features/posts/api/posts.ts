// Standing posts (一编三定) in the caller's scope.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { api, fetchAll, type Page } from "@/lib/api";

export interface Post {
  id: number;
  name: string;
  community_name: string;
  seats: number;
  schedule: string;
  target: string;
  priority: number;
  required_skills: Record<string, number>;
  active: boolean;
}

export function usePosts(params: ListParams) {
  return useQuery({
    queryKey: ["posts", params],
    queryFn: () => api<Page<Post>>("posts/", { params: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export interface Holding {
  id: number;
  volunteer: number;
  volunteer_name: string;
  year: number;
  status: "proposed" | "active" | "declined" | "ended";
}

/** Who holds (or was proposed for, or declined) one post in a year. */
export function usePostHoldings(post: number, year: number) {
  return useQuery({
    queryKey: ["posts", post, "holdings", year],
    queryFn: () => fetchAll<Holding>("post-holdings/", { post, year }),
  });
}
