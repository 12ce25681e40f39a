import { LoginRequestSchema, LoginResponseSchema } from '@passerelle/domain/auth/auth.schema';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IssuedSession } from '../../../../plugins/app/auth/auth-service.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';

export const REFRESH_COOKIE = 'passerelle_refresh';
const COOKIE_PATH = '/api/v1/auth';

export default async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: app.config.AUTH_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' };
  // Every page load of the web app refreshes once: allow more of those than password attempts.
  const refreshRateLimit = { max: app.config.AUTH_RATE_LIMIT_PER_MINUTE * 3, timeWindow: '1 minute' };

  function sendSession(reply: FastifyReply, session: IssuedSession) {
    reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
      path: COOKIE_PATH,
      httpOnly: true,
      secure: app.config.COOKIE_SECURE,
      sameSite: 'strict',
      expires: session.refreshExpiresAt,
    });
    reply.header('cache-control', 'no-store');
    return { accessToken: session.accessToken, expiresIn: session.expiresIn, user: session.user };
  }

  app.post(
    '/login',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        description:
          'Returns a short-lived access token and sets the refresh token as an httpOnly cookie. Any wrong e-mail, ' +
          'password, disabled or locked account answers the same 401: the answer never tells whether the e-mail exists. ' +
          'Five failures in a row lock the account for 15 minutes; the endpoint is rate-limited per IP.',
        body: LoginRequestSchema,
        response: { 200: LoginResponseSchema },
      },
    },
    async (request, reply) =>
      sendSession(reply, await app.services.auth.login(contextOf(request), request.body)),
  );

  app.post(
    '/refresh',
    {
      config: { rateLimit: refreshRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Rotate the refresh cookie and get a new access token',
        description:
          'Each refresh token works once: the response sets a new one. Presenting a token that was already used ' +
          'ends every session of that sign-in (reuse detection).',
        security: [{ refreshCookie: [] }],
        response: { 200: LoginResponseSchema },
      },
    },
    async (request, reply) => {
      try {
        return sendSession(
          reply,
          await app.services.auth.refresh(contextOf(request), request.cookies[REFRESH_COOKIE]),
        );
      } catch (error) {
        reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
        throw error;
      }
    },
  );

  app.post(
    '/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: revoke the refresh token and clear its cookie',
        security: [{ refreshCookie: [] }],
        response: { 204: z.null().describe('Signed out') },
      },
    },
    async (request, reply) => {
      await app.services.auth.logout(contextOf(request), request.cookies[REFRESH_COOKIE]);
      reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
      return reply.code(204).send(null);
    },
  );
}
