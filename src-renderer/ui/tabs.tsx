/**
 * A page's tab bar and its panel (an authorization server's Settings … Token Preview, an app's
 * General and Assignments): each tab is a link to its own address, so reload, back and a pasted
 * link land on it; the panel is named by the selected tab.
 */
import { useId } from 'react';
import type { ReactNode } from 'react';

export interface TabsProps<Tab extends string> {
  /** The tab list's accessible name ("Application sections"). */
  label: string;
  tabs: readonly { tab: Tab; label: string }[];
  current: Tab;
  href: (tab: Tab) => string;
  /** The selected tab's panel. */
  children: ReactNode;
}

export function Tabs<Tab extends string>({ label, tabs, current, href, children }: TabsProps<Tab>) {
  const tabId = useId();
  return (
    <>
      <nav className="tabs" role="tablist" aria-label={label}>
        {tabs.map((t) => (
          <a
            key={t.tab}
            id={`${tabId}-${t.tab}`}
            role="tab"
            aria-selected={t.tab === current}
            className="tabs__tab"
            href={href(t.tab)}
          >
            {t.label}
          </a>
        ))}
      </nav>
      <div role="tabpanel" aria-labelledby={`${tabId}-${current}`} className="tabs__panel">
        {children}
      </div>
    </>
  );
}
