import { Component, type ComponentChildren } from 'preact';

interface RenderGuardProps {
  /** Told once, after the render under way, of a fault while drawing `children`. */
  onError: (error: unknown) => void;
  children?: ComponentChildren;
}

/**
 * Catches a fault while drawing the run (a bug, not anything the patient did), so that the
 * element can put its plain error screen in place of a frozen or half-drawn widget.
 */
export class RenderGuard extends Component<RenderGuardProps, { failed?: boolean }> {
  /** Reported already (several faults can come in one render), or gone (a new run replaced it). */
  declare done?: boolean;

  override componentDidCatch(error: unknown) {
    this.setState({ failed: true });
    // Not in the middle of Preact's render: the element renders again, and a page's sc-error
    // listener may change the element.
    setTimeout(() => this.done || ((this.done = true), this.props.onError(error)));
  }

  override componentWillUnmount() {
    this.done = true;
  }

  override render({ children }: RenderGuardProps) {
    return this.state.failed ? null : children;
  }
}
