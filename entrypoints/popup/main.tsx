import { render } from 'preact';
import { Popup } from '@/components/Popup';
import '@/components/page.css';
import { langFromLocale } from '@/lib/language';
import { sendMessage } from '@/lib/messages';
import './style.css';

const lang = langFromLocale(browser.i18n.getUILanguage());
document.documentElement.lang = lang;
const loadSummary = () => sendMessage('getSummary');
render(<Popup lang={lang} loadSummary={loadSummary} />, document.getElementById('app') as HTMLElement);
