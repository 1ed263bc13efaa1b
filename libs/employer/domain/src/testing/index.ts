// Test helpers only (lint lets spec files import @ips/*/testing): the contact line's events as the domain's specs build them.
export * from './contact-request.fixtures';
