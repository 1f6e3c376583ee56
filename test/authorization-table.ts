// THE authorization table: every page, route handler and server action, who may use it, and whether
// it is scoped to the caller's organisation. lib/authorization-matrix.integration.test.ts checks that
// it lists exactly what app/ contains (a new page, route or action without a row fails) and runs
// every row for every role, denied and allowed twins.
export type TWho = 'ANONYMOUS' | 'EXPORTER' | 'OFFICER' | 'ADMIN';
export type TAccess = { allowed: TWho[]; orgScoped?: boolean };
const EXPORTER: TAccess = { allowed: ['EXPORTER'], orgScoped: true };
const OFFICERS: TAccess = { allowed: ['OFFICER', 'ADMIN'] };
const ADMIN: TAccess = { allowed: ['ADMIN'] };
const SIGNED_IN: TAccess = { allowed: ['EXPORTER', 'OFFICER', 'ADMIN'] };
const EVERYONE: TAccess = { allowed: ['ANONYMOUS', 'EXPORTER', 'OFFICER', 'ADMIN'] };
/** JSON API (v1): an API key, not a session; the key acts for its organisation only. */
const API_KEY: TAccess = { allowed: [], orgScoped: true };

/** app/<file> → access. Pages by their page.tsx, routes by route.ts. */
export const PAGES: Record<string, TAccess> = {
  'app/page.tsx': SIGNED_IN,
  'app/(auth)/login/page.tsx': EVERYONE,
  'app/(exporter)/applications/page.tsx': EXPORTER,
  'app/(exporter)/applications/new/page.tsx': EXPORTER,
  'app/(exporter)/applications/[id]/page.tsx': EXPORTER,
  'app/(exporter)/applications/[id]/edit/page.tsx': EXPORTER,
  'app/(officer)/cases/page.tsx': OFFICERS,
  'app/(officer)/cases/[id]/page.tsx': OFFICERS,
  'app/(officer)/dashboard/page.tsx': OFFICERS,
  'app/(officer)/screening/batch/page.tsx': OFFICERS,
  'app/(admin)/admin/api-keys/page.tsx': ADMIN,
  'app/(admin)/admin/lists/page.tsx': ADMIN,
  'app/(admin)/admin/records/page.tsx': ADMIN,
  'app/(admin)/admin/rules/page.tsx': ADMIN,
  'app/(admin)/admin/users/page.tsx': ADMIN,
  'app/(shared)/sources/page.tsx': SIGNED_IN,
};

export const ROUTES: Record<string, TAccess> = {
  'app/(admin)/admin/records/exports/[jobId]/route.ts': ADMIN,
  'app/(officer)/cases/[id]/bundle.zip/route.ts': OFFICERS,
  // Exporters: their organisation's decided cases only (data layer); officers and admins: any case.
  'app/(officer)/cases/[id]/record.pdf/route.ts': { allowed: ['EXPORTER', 'OFFICER', 'ADMIN'], orgScoped: true },
  'app/(officer)/cases/export.csv/route.ts': OFFICERS,
  'app/(officer)/screening/batch/[id]/result.csv/route.ts': OFFICERS,
  'app/api/admin/jobs/[id]/route.ts': ADMIN,
  'app/api/admin/lists/upload/route.ts': ADMIN,
  'app/api/auth/[...nextauth]/route.ts': EVERYONE,
  'app/api/eccn/route.ts': SIGNED_IN,
  'app/api/health/route.ts': EVERYONE,
  'app/api/screening/batch/[id]/route.ts': OFFICERS,
  'app/api/screening/batch/route.ts': OFFICERS,
  'app/api/v1/applications/[id]/route.ts': API_KEY,
  'app/api/v1/applications/route.ts': API_KEY,
  'app/api/v1/parties/screen/route.ts': API_KEY,
  'app/api/v1/screen/route.ts': API_KEY,
};

/** "<actions.ts path>#<export>" → access. */
export const ACTIONS: Record<string, TAccess> = {
  'app/(exporter)/applications/actions.ts#saveApplication': EXPORTER,
  'app/(exporter)/applications/actions.ts#answerQuestionAction': EXPORTER,
  'app/(exporter)/applications/actions.ts#withdrawApplicationAction': EXPORTER,
  'app/(exporter)/applications/actions.ts#deleteDraftAction': EXPORTER,
  'app/(exporter)/applications/actions.ts#copyApplicationAction': EXPORTER,
  'app/(officer)/cases/actions.ts#decideItemsAction': OFFICERS,
  'app/(officer)/cases/actions.ts#decideAction': OFFICERS,
  'app/(officer)/cases/actions.ts#countersignAction': OFFICERS,
  'app/(officer)/cases/actions.ts#addNoteAction': OFFICERS,
  'app/(officer)/cases/actions.ts#clearMatchAction': OFFICERS,
  'app/(officer)/cases/actions.ts#assignAction': OFFICERS,
  'app/(officer)/cases/actions.ts#bulkApproveAction': OFFICERS,
  'app/(officer)/cases/actions.ts#acknowledgeAction': OFFICERS,
  'app/(admin)/admin/api-keys/actions.ts#createApiKeyAction': ADMIN,
  'app/(admin)/admin/api-keys/actions.ts#revokeApiKeyAction': ADMIN,
  'app/(admin)/admin/lists/actions.ts#startUploadAction': ADMIN,
  'app/(admin)/admin/lists/actions.ts#applyUploadAction': ADMIN,
  'app/(admin)/admin/rules/actions.ts#createDraftAction': ADMIN,
  'app/(admin)/admin/rules/actions.ts#updateRuleAction': ADMIN,
  'app/(admin)/admin/rules/actions.ts#updateCountryAction': ADMIN,
  'app/(admin)/admin/rules/actions.ts#startImpactPreviewAction': ADMIN,
  'app/(admin)/admin/rules/actions.ts#publishDraftAction': ADMIN,
  'app/(admin)/admin/users/actions.ts#createUserAction': ADMIN,
  'app/(admin)/admin/users/actions.ts#updateUserAction': ADMIN,
  'app/(admin)/admin/users/actions.ts#setUserActiveAction': ADMIN,
  'app/(admin)/admin/users/actions.ts#createOrganizationAction': ADMIN,
  'app/(admin)/admin/users/actions.ts#updateOrganizationCountryAction': ADMIN,
  'app/(admin)/admin/records/actions.ts#startOrgExportAction': ADMIN,
};
