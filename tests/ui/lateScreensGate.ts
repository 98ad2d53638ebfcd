/**
 * A stand-in for the import of the later screens' code that fails when the test says so (a
 * network fault at a moment the test chooses). Use it from vi.hoisted, and return `failed`
 * from vi.mock's factory for src/ui/lateScreens.
 */
export function lateScreensGate() {
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined); // rejected on purpose: the widget's own handler reports it
  return { failed, fail: (error: Error) => fail(error) };
}
