/** My ballot: one pick per Academy Awards category. */
import { usePageTitle } from "../components/usePageTitle";
import { Ballot } from "../features/ballot/Ballot";

export function BallotPage() {
  usePageTitle("My ballot");
  return <Ballot />;
}
