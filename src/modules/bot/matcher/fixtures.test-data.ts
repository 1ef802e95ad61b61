import type { TMatcherEntry } from './types.js';

/** A small hand-written water-affairs FAQ used by the matcher tests. */
export const WATER_FAQ: TMatcherEntry[] = [
  {
    id: 'qs-apply',
    question: '取水许可证怎么办理？',
    similar: ['如何申请取水许可', '取水许可的办理流程是什么'],
    matter: '取水许可',
  },
  {
    id: 'qs-docs',
    question: '申请取水许可需要提交哪些材料？',
    similar: ['办取水许可要带什么材料'],
    matter: '取水许可',
  },
  { id: 'qs-valid', question: '取水许可证的有效期是多久？', similar: ['取水许可证多久要延续'], matter: '取水许可' },
  { id: 'ps-apply', question: '排水许可证怎么申请？', similar: ['城镇污水排入排水管网许可怎么办'], matter: '排水许可' },
  { id: 'ps-docs', question: '办理排水许可需要准备什么材料？', similar: [], matter: '排水许可' },
  { id: 'hy-cert', question: '海域使用权证书如何办理？', similar: ['怎么申请海域使用权'], matter: '海域使用' },
  { id: 'hy-fee', question: '海域使用金怎么缴纳？', similar: ['海域使用金在哪里交'], matter: '海域使用' },
  { id: 'fee-pay', question: '水费怎么缴纳？', similar: ['怎么交水费', '网上可以交水费吗'], matter: '供水' },
  { id: 'leak', question: '家里水管漏水了找谁报修？', similar: ['自来水管爆了打什么电话'], matter: '供水' },
];
