// The app: sign-in when signed out; otherwise the frame and the routes of the signed-in role.
// Routes compose features; a role's routes simply do not exist for another role (the server checks anyway).
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { ErrorState, Loading } from "@/components/PageState";
import { isCoordinator, SessionContext, type Me } from "@/lib/session";
import { useLogout, useMe } from "@/features/auth/api/session";
import { LoginPage } from "@/features/auth/components/LoginPage";
import { DashboardPage } from "@/features/planning/components/DashboardPage";
import { RunDetailPage } from "@/features/planning/components/RunDetailPage";
import { RunsPage } from "@/features/planning/components/RunsPage";
import { NeedsPage } from "@/features/needs/components/NeedsPage";
import { NeedDeadlineCards } from "@/features/needs/components/NeedDeadlineCards";
import { PostsPage } from "@/features/posts/components/PostsPage";
import { ShiftsPage } from "@/features/shifts/components/ShiftsPage";
import { VolunteersPage } from "@/features/volunteers/components/VolunteersPage";
import { ResourcesPage } from "@/features/resources/components/ResourcesPage";
import { BookingsPage } from "@/features/resources/components/BookingsPage";
import { AllocationPage } from "@/features/allocation/components/AllocationPage";
import { AllocationRunPage } from "@/features/allocation/components/AllocationRunPage";
import { MyHoldingsPage } from "@/features/allocation/components/MyHoldingsPage";
import { InboxPage } from "@/features/notifications/components/InboxPage";
import { MyPostsPage } from "@/features/volunteering/components/MyPostsPage";
import { MyHoursPage } from "@/features/volunteering/components/MyHoursPage";
import { CalendarPage } from "@/features/volunteering/components/CalendarPage";
import { CheckInPage } from "@/features/volunteering/components/CheckInPage";
import { RecordSummaryCard } from "@/features/records/components/RecordSummaryCard";
import { MyRecords } from "@/features/records/components/MyRecords";
import { RecordReviewPage } from "@/features/records/components/RecordReviewPage";
import { LedgersPage } from "@/features/ledgers/components/LedgersPage";
import { LedgerDetailPage } from "@/features/ledgers/components/LedgerDetailPage";
import { ProfilePage } from "@/features/auth/components/ProfilePage";
import { VolunteerProfilePage } from "@/features/profile/components/VolunteerProfilePage";
import { LanguageSwitch } from "./LanguageSwitch";
import { homeFor } from "./menu";
import { NotFound } from "./NotFound";
import { Providers } from "./providers";
import { Shell } from "./Shell";

function roleRoutes(me: Me) {
  if (isCoordinator(me)) {
    return (
      <>
        <Route path="/dashboard" element={<DashboardPage sections={<NeedDeadlineCards />} />} />
        <Route path="/runs" element={<RunsPage />} />
        <Route path="/runs/:runId" element={<RunDetailPage />} />
        <Route path="/needs" element={<NeedsPage />} />
        <Route path="/posts" element={<PostsPage />} />
        <Route path="/allocation" element={<AllocationPage />} />
        <Route path="/allocation/:runId" element={<AllocationRunPage />} />
        <Route path="/shifts" element={<ShiftsPage />} />
        <Route path="/volunteers" element={<VolunteersPage />} />
        <Route path="/resources" element={<ResourcesPage />} />
        <Route path="/records/review" element={<RecordReviewPage />} />
        <Route path="/ledgers" element={<LedgersPage />} />
        <Route path="/ledgers/:ledgerId" element={<LedgerDetailPage />} />
      </>
    );
  }
  if (me.role === "unit_representative") {
    return (
      <>
        <Route path="/resources" element={<ResourcesPage />} />
        <Route path="/bookings" element={<BookingsPage />} />
        <Route path="/ledgers" element={<LedgersPage />} />
        <Route path="/ledgers/:ledgerId" element={<LedgerDetailPage />} />
        <Route path="/my/profile" element={<ProfilePage />} />
      </>
    );
  }
  return (
    <>
      <Route path="/my/posts" element={<MyPostsPage />} />
      <Route path="/my/holdings" element={<MyHoldingsPage />} />
      <Route path="/my/hours" element={<MyHoursPage summary={<RecordSummaryCard />} records={<MyRecords />} />} />
      <Route path="/my/calendar" element={<CalendarPage />} />
      <Route path="/check-in" element={<CheckInPage />} />
      <Route path="/my/profile" element={<VolunteerProfilePage />} />
    </>
  );
}

function SignedIn({ me }: { me: Me }) {
  const logout = useLogout();
  const home = homeFor(me);
  return (
    <SessionContext.Provider value={me}>
      <Shell onLogout={() => logout.mutate()}>
        <Routes>
          <Route path="/" element={<Navigate to={home} replace />} />
          <Route path="/login" element={<Navigate to={home} replace />} />
          {roleRoutes(me)}
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="*" element={<NotFound home={home} />} />
        </Routes>
      </Shell>
    </SessionContext.Provider>
  );
}

function Gate() {
  const me = useMe();
  if (me.isLoading) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) return <LoginPage onLanguage={<LanguageSwitch />} />;
  return <SignedIn me={me.data} />;
}

export function App() {
  return (
    <Providers>
      <BrowserRouter>
        <Gate />
      </BrowserRouter>
    </Providers>
  );
}
