/** Shapes shared by the enumerations. */
export interface Bilingual {
  zh: string;
  en: string;
}
