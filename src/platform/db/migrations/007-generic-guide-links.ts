import type { Kysely } from 'kysely';

/** The portal home page the first seed gave every matter as its "service guide" (办事指南). */
const GENERIC_PORTAL_HOME = 'https://zwdt.sh.gov.cn/govPortals/index.do';

/**
 * Databases seeded before issue 6 link every matter's 办事指南 to the same portal home page, which
 * is no guide at all: clear those links so the portal shows none until an administrator enters
 * the matter's own guide.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.updateTable('matters').set({ guide_url: null }).where('guide_url', '=', GENERIC_PORTAL_HOME).execute();
}
