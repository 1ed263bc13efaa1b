/**
 * How a personal value travels once sealed (libs/personal-data): `enc:v1:` and base64 of AES-256-GCM iv,
 * tag and ciphertext. Part of the published language: a consumer accepts a sealed value wherever a
 * contract marks the field personal, and reads it only with the participant's key.
 */
export const SEALED_PREFIX = 'enc:v1:';

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(SEALED_PREFIX);
