import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';

interface Props {
  title: string;
  description: string;
  retryLabel: string;
  /** Changing this key (e.g. the path) clears the error. */
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: string;
}

/** Keeps a crash inside one page: the menu and header stay usable. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error) {
    console.error(error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={this.props.title}
        subTitle={this.props.description}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {this.props.retryLabel}
          </Button>
        }
      />
    );
  }
}
