import type { AnchorHTMLAttributes, MouseEvent, Ref } from "react";
import { navigate } from "./router.ts";

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
  ref?: Ref<HTMLAnchorElement>;
}

/**
 * An ordinary anchor (so middle-click, copy link and "open in new tab" work)
 * whose plain left click navigates without reloading the page.
 * Use with Mantine's polymorphic components: <Anchor component={Link} href="/">.
 */
export function Link({ href, onClick, ref, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target && rest.target !== "_self") return;
    if (!href.startsWith("/") || href.startsWith("/api/")) return;
    event.preventDefault();
    navigate(href);
  };
  return <a ref={ref} href={href} onClick={handleClick} {...rest} />;
}
