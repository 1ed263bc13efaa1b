import type { FastifyInstance } from 'fastify';
import { ServiceMetrics } from './metrics';

/**
 * Counts every answer by the matched route's template (`/welfare-office/participants/:id/enrolment`, never the raw
 * path: ids are personal), method and status, with its duration: 404s before routing and the guard's refusals too.
 * Add before the app is ready.
 */
export function countHttpRequests(fastify: FastifyInstance, metrics: ServiceMetrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpRequest(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
