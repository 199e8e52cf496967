/** A failure the user should see at once (role=alert), with a Retry when the action can be repeated. */
import type { ReactNode } from 'react';
import { Button } from './button.js';

export interface ErrorBannerProps {
  title?: string;
  children: ReactNode;
  onRetry?: () => void;
}

export function ErrorBanner({ title, children, onRetry }: ErrorBannerProps) {
  return (
    <div className="error-banner" role="alert">
      <div className="error-banner__text">
        {title && <strong>{title} </strong>}
        {children}
      </div>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          Retry
        </Button>
      )}
    </div>
  );
}
