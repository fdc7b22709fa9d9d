/** A category's contenders as a select's options, a person's named with the film so two roles of one actor differ. */
import type { Contender } from "../../../shared/schemas/events";

export function ContenderOptions({ contenders }: { contenders: readonly Contender[] }) {
  return contenders.map((contender) => (
    <option key={contender.id} value={contender.id}>
      {contender.name}
      {contender.person ? ` (${contender.film.title})` : ""}
    </option>
  ));
}
