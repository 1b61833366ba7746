// Routes of the register import; merged into the one table in db/contract/routes.ts.
export const importRoutes = {};
