/** One category: its contenders (and, as the race features land, their odds). */
import { Link, useParams } from "react-router-dom";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { useEvent } from "../features/season/api";
import { CategoryOutcome } from "../features/season/CategoryOutcome";
import { ContenderList } from "../features/season/ContenderList";
import { NotFoundPage } from "./NotFoundPage";

export function CategoryPage() {
  const { eventSlug = "", categorySlug = "" } = useParams();
  const event = useEvent(eventSlug);
  const category = event.data?.categories.find((candidate) => candidate.slug === categorySlug);
  usePageTitle(category?.name);

  return (
    <QueryState query={event} loadingLabel="Loading the category…">
      {(ceremony) =>
        category ? (
          <article>
            <nav aria-label="Breadcrumb" className="breadcrumb">
              <Link to="/">{ceremony.name}</Link> <span aria-hidden="true">›</span> <span>{category.name}</span>
            </nav>
            <h1>{category.name}</h1>
            <p className="lede">
              {category.contenders.length} contenders{category.kind === "person" ? ", with their films" : ""}.
            </p>
            <CategoryOutcome category={category} />
            <ContenderList category={category} />
          </article>
        ) : (
          <NotFoundPage what="category" />
        )
      }
    </QueryState>
  );
}
