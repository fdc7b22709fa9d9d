/** The page map. Pages are thin and compose features. */
import { lazy, Suspense } from "react";
import { createBrowserRouter } from "react-router-dom";
import { LoadingState } from "./components/QueryState";
import { AccountPage } from "./routes/AccountPage";
import { BallotPage } from "./routes/BallotPage";
import { CalendarPage } from "./routes/CalendarPage";
import { CategoryPage } from "./routes/CategoryPage";
import { HomePage } from "./routes/HomePage";
import { JoinPoolPage } from "./routes/JoinPoolPage";
import { Layout } from "./routes/Layout";
import { LeaderboardPage } from "./routes/LeaderboardPage";
import { NotFoundPage } from "./routes/NotFoundPage";
import { PoolPage } from "./routes/PoolPage";
import { PoolsPage } from "./routes/PoolsPage";
import { ProfilePage } from "./routes/ProfilePage";
import { SharedBallotPage } from "./routes/SharedBallotPage";
import { SignInPage } from "./routes/SignInPage";
import { SignUpPage } from "./routes/SignUpPage";

// Operators are few: the admin area's code loads only when someone opens it (see the bundle budget in README).
const AdminPage = lazy(() => import("./routes/AdminPage").then((module) => ({ default: module.AdminPage })));

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "events/:eventSlug/:categorySlug", element: <CategoryPage /> },
      { path: "calendar", element: <CalendarPage /> },
      { path: "signin", element: <SignInPage /> },
      { path: "signup", element: <SignUpPage /> },
      { path: "account", element: <AccountPage /> },
      { path: "ballot", element: <BallotPage /> },
      { path: "pools", element: <PoolsPage /> },
      { path: "pools/:id", element: <PoolPage /> },
      { path: "join/:code", element: <JoinPoolPage /> },
      {
        path: "admin",
        element: (
          <Suspense fallback={<LoadingState label="Loading the admin area…" />}>
            <AdminPage />
          </Suspense>
        ),
      },
      { path: "b/:slug", element: <SharedBallotPage /> },
      { path: "leaderboard", element: <LeaderboardPage /> },
      { path: "u/:username", element: <ProfilePage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
