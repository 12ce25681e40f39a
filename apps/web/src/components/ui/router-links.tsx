import { Anchor, type AnchorProps, Button, type ButtonProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';

// Mantine's `component={Link}` loses the router's typing of `params` and `search`; createLink keeps it.
const AnchorElement = forwardRef<HTMLAnchorElement, AnchorProps & ComponentPropsWithoutRef<'a'>>(
  (props, ref) => <Anchor component="a" ref={ref} {...props} />,
);
AnchorElement.displayName = 'AnchorElement';

const ButtonElement = forwardRef<HTMLAnchorElement, ButtonProps & ComponentPropsWithoutRef<'a'>>(
  (props, ref) => <Button component="a" ref={ref} {...props} />,
);
ButtonElement.displayName = 'ButtonElement';

/** A Mantine Anchor that navigates with the router, typed against the route tree. */
export const AnchorLink = createLink(AnchorElement);

/** A Mantine Button that navigates with the router, typed against the route tree. */
export const ButtonLink = createLink(ButtonElement);
