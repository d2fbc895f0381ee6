import pino from 'pino';

export type Logger = pino.Logger;

export const createLogger = (level: string) =>
  pino({
    level,
    base: { service: 'vigie' },
    // Never log secrets or session tokens, whatever a caller passes in.
    redact: ['password', '*.password', 'token', '*.token', 'cookie', '*.cookie', 'headers.cookie'],
  });
