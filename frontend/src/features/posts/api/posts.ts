// Standing posts (一编三定) in the caller's scope.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { api, type Page } from "@/lib/api";

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
