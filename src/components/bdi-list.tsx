import { Fragment } from "react";

/**
 * People's texts joined with " · ", each isolated for bidirectional text: a
 * name written right to left (or carrying a direction override) cannot reorder
 * the texts beside it.
 */
export function BdiList({ items }: { items: (string | null | undefined)[] }) {
  return items
    .filter((item): item is string => Boolean(item))
    .map((item, index) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: a fixed set of fields in a fixed order; two may hold the same text
      <Fragment key={index}>
        {index > 0 && " · "}
        <bdi>{item}</bdi>
      </Fragment>
    ));
}
