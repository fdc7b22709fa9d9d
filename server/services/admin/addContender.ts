/** Adds a contender to a category: a film of the category's season, with a person in a person category. */
import type { AddContenderRequest } from "../../../shared/schemas/admin.js";
import { contenderExists, invalidFilm, invalidRequest } from "../../errors.js";
import { isUniqueViolation } from "../../repositories/userRepository.js";
import { type Actor, type AdminContext, categoryTarget, contenderLabel } from "./context.js";

/** Lowercase words joined by hyphens, accents dropped: "Isabelle Huppert" → "isabelle-huppert". */
function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

export function createAddContender({
  db,
  admin,
  audit,
  findCategory,
  findContender,
  refuseIfCategoryHistory,
}: AdminContext) {
  /** Answers the new contender's id. */
  return db.transaction((actor: Actor, categoryId: number, request: AddContenderRequest) => {
    const category = findCategory(categoryId);
    refuseIfCategoryHistory(categoryId);
    const film = admin.findFilm(request.filmId);
    if (!film || film.season_id !== admin.categorySeasonId(categoryId)) {
      throw invalidFilm("body.filmId");
    }
    if ((category.kind === "person") !== (request.person !== null)) {
      const message =
        category.kind === "person" ? "is required in a person category" : "must be null in a film category";
      throw invalidRequest([{ path: "body.person", message }]);
    }
    const slug = request.person === null ? film.slug : slugify(request.person);
    let id: number;
    try {
      id = admin.insertContender(categoryId, slug, film.id, request.person);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw contenderExists(request.person ?? film.title);
      }
      throw error;
    }
    const added = findContender(id);
    audit(actor, "contender.add", categoryTarget(category), null, { id: added.id, slug, name: contenderLabel(added) });
    return added.id;
  });
}
