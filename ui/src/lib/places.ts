import { PLACE_LABELS, WINDOW_PLACES, type Finding } from "./bindings";

/** A place in the window where a finding's fix is done (the core's `Place`). */
export type Place = (typeof PLACE_LABELS)[number][0];

/** The places a finding's window words name: the buttons its card offers. */
export function placesOf(code: Finding["code"]): readonly Place[] {
  return WINDOW_PLACES.find(([of]) => of === code)?.[1] ?? [];
}

/** The window message id of a place's label. */
export function labelOf(place: Place): string {
  return PLACE_LABELS.find(([of]) => of === place)?.[1] ?? place;
}
