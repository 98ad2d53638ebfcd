import { useLayoutEffect, useState } from 'preact/hooks';
import type { AnyActorRef, SnapshotFrom } from 'xstate';

/**
 * The actor's current snapshot, re-rendering on every change (a Preact twin of @xstate/react's
 * useSelector); null without an actor. A new actor's snapshot is read at once, not after the
 * next paint: a screen must never show the run it replaced. A fault inside the machine (a guard
 * or an action that throws) is thrown again while rendering, so the error boundary around the
 * run shows it.
 */
export function useActorSnapshot<T extends AnyActorRef>(actor: T | null): SnapshotFrom<T> | null {
  const [seen, setSeen] = useState<{ actor: T; snapshot: SnapshotFrom<T> } | null>(null);
  // Boxed: the setter would call a function thrown as an updater.
  const [fault, setFault] = useState<[unknown]>();
  // Before the paint: a step taken at once must not be missed.
  useLayoutEffect(() => {
    if (!actor) return;
    setSeen({ actor, snapshot: actor.getSnapshot() });
    const subscription = actor.subscribe({ next: (snapshot: SnapshotFrom<T>) => setSeen({ actor, snapshot }), error: (error: unknown) => setFault([error]) });
    return () => subscription.unsubscribe();
  }, [actor]);
  if (fault) throw fault[0];
  if (!actor) return null;
  return seen?.actor === actor ? seen.snapshot : actor.getSnapshot();
}
