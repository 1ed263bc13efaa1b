import { useEffect, useRef } from 'react';
import { useI18n } from './i18n';
import { hasNavigated } from './router';

/** A screen's frame: its heading gets focus when the screen opens, so a screen reader hears where it landed. */
export function Page({ title, children }: { title: string; children?: React.ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { m } = useI18n();
  useEffect(() => {
    document.title = `${title} – ${m.app.title}`;
    if (hasNavigated()) heading.current?.focus();
  }, [title, m.app.title]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}
