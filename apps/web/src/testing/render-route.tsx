import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import type { ComponentType } from 'react';
import type { z } from 'zod';
import { renderWithProviders } from './render';

/**
 * Renders a component as the screen of one route at `url`, with the app's providers, so that
 * links work and search params round-trip through a real router. Returns the router to read the URL.
 */
export async function renderAtRoute({
  path,
  url,
  component,
  validateSearch,
}: {
  path: string;
  url: string;
  component: ComponentType;
  validateSearch?: z.ZodType | undefined;
}) {
  const rootRoute = createRootRoute();
  const Screen = component;
  const screenRoute = createRoute({
    getParentRoute: () => rootRoute,
    path,
    component: () => <Screen />,
    validateSearch,
  });
  // Links of the screen may point elsewhere: a catch-all keeps them resolvable.
  const otherRoute = createRoute({ getParentRoute: () => rootRoute, path: '$', component: () => null });
  const router = createRouter({
    routeTree: rootRoute.addChildren([screenRoute, otherRoute]),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  await router.load();
  const result = renderWithProviders(<RouterProvider router={router} />);
  return { router, ...result };
}
