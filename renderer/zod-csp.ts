// The window runs under a CSP without 'unsafe-eval': zod must not compile parsers with `new Function`,
// nor even probe whether it may (the probe alone is reported as a violation).
import { z } from 'zod';

z.config({ jitless: true });
