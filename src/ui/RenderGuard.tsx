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
  override componentDidCatch(error: unknown) {
    this.setState({ failed: true });
    // Not in the middle of Preact's render: the element renders again, and a page's sc-error
    // listener may change the element.
    setTimeout(() => this.props.onError(error));
  }

  override render({ children }: RenderGuardProps) {
    return this.state.failed ? null : children;
  }
}
