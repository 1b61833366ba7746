// Routes that make the forms people print and sign; merged into the one table in db/contract/routes.ts.
export const documentRoutes = {};
