import { useEffect, useState } from 'preact/hooks';
import type { AnyActorRef, SnapshotFrom } from 'xstate';

/**
 * The actor's current snapshot, re-rendering on every change (a Preact twin of @xstate/react's
 * useSelector); null without an actor. A fault inside the machine (a guard or an action that
 * throws) is thrown again while rendering, so the error boundary around the run shows it.
 */
export function useActorSnapshot<T extends AnyActorRef>(actor: T | null): SnapshotFrom<T> | null {
  const [snapshot, setSnapshot] = useState(() => (actor?.getSnapshot() ?? null) as SnapshotFrom<T> | null);
  // Boxed: the setter would call a function thrown as an updater.
  const [fault, setFault] = useState<[unknown]>();
  useEffect(() => {
    if (!actor) return setSnapshot(null);
    setSnapshot(actor.getSnapshot());
    const subscription = actor.subscribe({ next: (next: SnapshotFrom<T>) => setSnapshot(next), error: (error: unknown) => setFault([error]) });
    return () => subscription.unsubscribe();
  }, [actor]);
  if (fault) throw fault[0];
  return snapshot;
}
