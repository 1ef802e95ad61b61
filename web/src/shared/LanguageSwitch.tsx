import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useLang } from '../i18n/index.js';

/** 中文 ⇄ English; remembered on this device and told to the server (bb_lang cookie). */
export function LanguageSwitch({ ghost = false }: { ghost?: boolean }) {
  const { lang, setLang } = useLang();
  return (
    <Button
      ghost={ghost}
      icon={<GlobalOutlined aria-hidden />}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
      aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}
      data-testid="lang-switch"
    >
      {lang === 'zh' ? 'English' : '中文'}
    </Button>
  );
}
