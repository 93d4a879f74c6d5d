/**
 * happy-dom's events are never trusted (`isTrusted` is undefined), as a
 * page's synthetic events are not; the user's input is. This marks one as
 * the browser would mark real input.
 */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

const bubbling = { bubbles: true, composed: true, cancelable: true } as const;

export const pointerMove = (x: number, y: number, pointerType = 'mouse') =>
  new PointerEvent('pointermove', { ...bubbling, clientX: x, clientY: y, pointerType });

/** A click as browsers now send it: a PointerEvent that says which kind of pointer made it. */
export const click = (x: number, y: number, pointerType = 'mouse') =>
  new PointerEvent('click', { ...bubbling, clientX: x, clientY: y, button: 0, pointerType });

export const keyDown = (key: string, init: KeyboardEventInit = {}) =>
  new KeyboardEvent('keydown', { ...bubbling, key, ...init });
