import { useEffect, useState } from 'preact/hooks';
import type { AnyActorRef, SnapshotFrom } from 'xstate';

/** The actor's current snapshot, re-rendering on every change (a Preact twin of @xstate/react's useSelector). */
export function useActorSnapshot<T extends AnyActorRef>(actor: T): SnapshotFrom<T> {
  const [snapshot, setSnapshot] = useState(() => actor.getSnapshot() as SnapshotFrom<T>);
  useEffect(() => {
    setSnapshot(actor.getSnapshot());
    const subscription = actor.subscribe((next: SnapshotFrom<T>) => setSnapshot(next));
    return () => subscription.unsubscribe();
  }, [actor]);
  return snapshot;
}
