// Keyboard moves on the pipeline board: the arrow keys jump a picked-up card from column to column
// (rather than dnd-kit's default 25 px steps), and the column under the card is the one whose centre is
// nearest. A pointer drag uses the column under the pointer.
import {
  closestCenter,
  KeyboardCode,
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';

/** Left and right arrows put the card in the middle of the previous or next column; other keys do nothing. */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const step = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
  if (!step) return undefined;
  event.preventDefault();
  const { active, collisionRect, droppableRects, droppableContainers, over } = context;
  if (!active || !collisionRect) return undefined;
  const columns = droppableContainers
    .getEnabled()
    .map((c) => ({ id: c.id, rect: droppableRects.get(c.id) }))
    .filter((c): c is { id: typeof c.id; rect: NonNullable<typeof c.rect> } => !!c.rect)
    .sort((a, b) => a.rect.left - b.rect.left);
  const here = over?.id ?? (active.data.current as { stage?: string } | undefined)?.stage;
  const at = columns.findIndex((c) => c.id === here);
  const next = columns[at + step];
  if (at < 0 || !next) return undefined;
  return {
    x: next.rect.left + (next.rect.width - collisionRect.width) / 2,
    y: currentCoordinates.y,
  };
};

/** The column under the pointer when there is one; for the keyboard, the column nearest the card. */
export const columnCollision: CollisionDetection = (args) => {
  if (args.pointerCoordinates) {
    const hits = pointerWithin(args);
    return hits.length ? hits : rectIntersection(args);
  }
  return closestCenter(args);
};
