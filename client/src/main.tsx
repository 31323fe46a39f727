import { render } from 'solid-js/web';

performance.mark('cc:app-start');
import { App } from './app/App';
import { registerServiceWorker } from './app/service-worker';
import './styles/base.css';
import './styles/calendar.css';

document.documentElement.lang = localStorage.getItem('cc.locale') === 'en' ? 'en' : 'zh-CN';
render(() => <App />, document.getElementById('root')!);
registerServiceWorker();
