import { useEffect, useState } from 'preact/hooks';
import type { AnyActorRef, SnapshotFrom } from 'xstate';

/** The actor's current snapshot, re-rendering on every change (a Preact twin of @xstate/react's useSelector); null without an actor. */
export function useActorSnapshot<T extends AnyActorRef>(actor: T | null): SnapshotFrom<T> | null {
  const [snapshot, setSnapshot] = useState(() => (actor?.getSnapshot() ?? null) as SnapshotFrom<T> | null);
  useEffect(() => {
    if (!actor) return setSnapshot(null);
    setSnapshot(actor.getSnapshot());
    const subscription = actor.subscribe((next: SnapshotFrom<T>) => setSnapshot(next));
    return () => subscription.unsubscribe();
  }, [actor]);
  return snapshot;
}
