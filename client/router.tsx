/**
 * The page map. Pages are thin and compose features; every page but the landing page (and the not-found page and the
 * redirects, a few lines) loads its own code when first opened, so a first visit downloads only what the home page
 * needs. Every page of a season lives under `/seasons/:season` (addresses built by shared/domain/seasonPaths.ts);
 * `/` is the current season's home, and the addresses from before seasons redirect to their season's page.
 */
import { type ComponentType, lazy, Suspense } from "react";
import { createBrowserRouter } from "react-router-dom";
import { seasonPaths } from "../shared/domain/seasonPaths";
import { LoadingState } from "./components/QueryState";
import { HomePage } from "./routes/HomePage";
import { Layout } from "./routes/Layout";
import { NotFoundPage } from "./routes/NotFoundPage";
import { closingBallot, ToEventPageInSeason, ToSeasonPage } from "./routes/SeasonRedirects";

/**
 * A page loaded on first use, showing the spinner every page shows while its data loads (QueryState's), so the
 * code's arrival and the data's look alike. `label` says what is loading, for screen readers.
 */
function lazyPage(load: () => Promise<ComponentType>, label: string) {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return (
    <Suspense fallback={<LoadingState label={label} />}>
      <Page />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "seasons/:season", element: <HomePage /> },
      {
        path: "seasons/:season/events/:eventSlug",
        element: lazyPage(() => import("./routes/EventPage").then((m) => m.EventPage), "Loading the ceremony…"),
      },
      {
        path: "seasons/:season/events/:eventSlug/:categorySlug",
        element: lazyPage(() => import("./routes/CategoryPage").then((m) => m.CategoryPage), "Loading the category…"),
      },
      {
        path: "seasons/:season/ballot/:eventSlug",
        element: lazyPage(() => import("./routes/BallotPage").then((m) => m.BallotPage), "Loading your ballot…"),
      },
      { path: "seasons/:season/ballot", element: <ToSeasonPage page={closingBallot} /> },
      {
        path: "seasons/:season/calendar",
        element: lazyPage(() => import("./routes/CalendarPage").then((m) => m.CalendarPage), "Loading the calendar…"),
      },
      {
        path: "seasons/:season/leaderboard",
        element: lazyPage(
          () => import("./routes/LeaderboardPage").then((m) => m.LeaderboardPage),
          "Loading the leaderboard…",
        ),
      },
      // Addresses from before seasons: to the same page under the current season (the event's, for a category).
      { path: "events/:eventSlug", element: <ToEventPageInSeason /> },
      { path: "events/:eventSlug/:categorySlug", element: <ToEventPageInSeason /> },
      { path: "ballot", element: <ToSeasonPage page={closingBallot} /> },
      { path: "calendar", element: <ToSeasonPage page={(season) => seasonPaths.calendar(season.slug)} /> },
      { path: "leaderboard", element: <ToSeasonPage page={(season) => seasonPaths.leaderboard(season.slug)} /> },
      {
        path: "signin",
        element: lazyPage(() => import("./routes/SignInPage").then((m) => m.SignInPage), "Loading sign-in…"),
      },
      {
        path: "signup",
        element: lazyPage(() => import("./routes/SignUpPage").then((m) => m.SignUpPage), "Loading sign-up…"),
      },
      {
        path: "account",
        element: lazyPage(() => import("./routes/AccountPage").then((m) => m.AccountPage), "Loading your account…"),
      },
      {
        path: "pools",
        element: lazyPage(() => import("./routes/PoolsPage").then((m) => m.PoolsPage), "Loading your pools…"),
      },
      {
        path: "pools/:id",
        element: lazyPage(() => import("./routes/PoolPage").then((m) => m.PoolPage), "Loading the pool…"),
      },
      {
        path: "join/:code",
        element: lazyPage(() => import("./routes/JoinPoolPage").then((m) => m.JoinPoolPage), "Loading the invite…"),
      },
      // Operators are few: the admin area's code is never part of a fan's download (the bundle budget checks).
      {
        path: "admin",
        element: lazyPage(() => import("./routes/AdminPage").then((m) => m.AdminPage), "Loading the admin area…"),
      },
      {
        path: "b/:slug",
        element: lazyPage(
          () => import("./routes/SharedBallotPage").then((m) => m.SharedBallotPage),
          "Loading the shared ballot…",
        ),
      },
      {
        path: "u/:username",
        element: lazyPage(() => import("./routes/ProfilePage").then((m) => m.ProfilePage), "Loading the profile…"),
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
