import { render } from 'preact';
import '@/components/shared/page.css';
import { langFromLocale } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';

const lang = langFromLocale(browser.i18n.getUILanguage());
document.documentElement.lang = lang;
document.title = translate(lang, 'welcomeTitle');

function Welcome() {
  return (
    <main style={{ maxWidth: '40rem', margin: '3rem auto', padding: '0 1rem' }}>
      <h1>{translate(lang, 'welcomeTitle')}</h1>
      <p>{translate(lang, 'welcomeBody')}</p>
    </main>
  );
}

render(<Welcome />, document.getElementById('app') as HTMLElement);
