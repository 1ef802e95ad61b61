/** Stable error codes; the HTTP status of each is decided here and nowhere else. */
export const ERROR_STATUS = {
  BAD_JSON: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  GONE: 410,
  CONFLICT: 409,
  DUPLICATE: 409,
  INVALID_TRANSITION: 409,
  REQUEST_IN_PROGRESS: 409,
  PAYLOAD_TOO_LARGE: 413,
  ACCOUNT_LOCKED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export interface Bilingual {
  zh: string;
  en: string;
}

const DEFAULT_MESSAGES: Record<ErrorCode, Bilingual> = {
  BAD_JSON: { zh: '请求内容不是有效的 JSON，请检查后重试。', en: 'The request body is not valid JSON.' },
  VALIDATION_FAILED: {
    zh: '填写的内容有误，请按提示修改后重试。',
    en: 'Some fields are invalid; please correct them and retry.',
  },
  UNAUTHENTICATED: { zh: '请先登录。', en: 'Please sign in first.' },
  SESSION_EXPIRED: { zh: '登录已过期，请重新登录。', en: 'Your session has expired; please sign in again.' },
  INVALID_CREDENTIALS: { zh: '用户名或密码不正确。', en: 'Wrong username or password.' },
  FORBIDDEN: { zh: '您没有执行此操作的权限。', en: 'You are not allowed to do this.' },
  CSRF_FAILED: { zh: '页面已失效，请刷新页面后重试。', en: 'The page is out of date; reload it and try again.' },
  ACCOUNT_DISABLED: { zh: '该账号已停用，请联系管理员。', en: 'This account is disabled; contact an administrator.' },
  NOT_FOUND: { zh: '找不到要访问的内容。', en: 'Not found.' },
  GONE: { zh: '该内容已按规定删除。', en: 'This was deleted under the retention rules.' },
  CONFLICT: {
    zh: '操作与当前状态冲突，请刷新后重试。',
    en: 'This conflicts with the current state; reload and retry.',
  },
  DUPLICATE: { zh: '已存在相同的记录。', en: 'A record with the same key already exists.' },
  INVALID_TRANSITION: { zh: '当前状态下不能执行该操作。', en: 'This action is not possible in the current state.' },
  REQUEST_IN_PROGRESS: { zh: '同一请求正在处理中，请稍候。', en: 'The same request is still being processed.' },
  PAYLOAD_TOO_LARGE: { zh: '提交的内容过大。', en: 'The request is too large.' },
  ACCOUNT_LOCKED: {
    zh: '登录失败次数过多，账号已临时锁定，请稍后再试。',
    en: 'Too many failed sign-ins; the account is locked for a while.',
  },
  RATE_LIMITED: { zh: '操作过于频繁，请稍后再试。', en: 'Too many requests; please wait and retry.' },
  INTERNAL: {
    zh: '系统出现错误，请稍后再试；如持续出现请联系管理员。',
    en: 'Something went wrong on our side; please retry later.',
  },
  UNAVAILABLE: { zh: '服务暂不可用，请稍后再试。', en: 'The service is temporarily unavailable.' },
};

/** The one error type of the application: a stable code, a bilingual message and optional details. */
export class AppError extends Error {
  readonly status: number;
  readonly messages: Bilingual;
  constructor(
    readonly code: ErrorCode,
    messages?: Partial<Bilingual>,
    readonly details?: unknown,
  ) {
    const m = { ...DEFAULT_MESSAGES[code], ...messages };
    super(m.en);
    this.status = ERROR_STATUS[code];
    this.messages = m;
  }
}

/** Shorthand for the frequent 404 with a subject name. */
export function notFound(what: Bilingual = { zh: '内容', en: 'item' }): AppError {
  return new AppError('NOT_FOUND', { zh: `找不到该${what.zh}。`, en: `This ${what.en} was not found.` });
}

export function defaultMessage(code: ErrorCode): Bilingual {
  return DEFAULT_MESSAGES[code];
}
