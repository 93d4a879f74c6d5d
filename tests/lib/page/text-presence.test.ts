import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenTextAppears } from '@/lib/page/text-presence';

/** Whether a promise has settled, read after the page's mutations had time to be delivered. */
function track(promise: Promise<void>) {
  const state = { resolved: false };
  promise.then(() => {
    state.resolved = true;
  });
  return state;
}

const delivered = () => new Promise((r) => setTimeout(r, 10));

let controller: AbortController;

beforeEach(() => {
  controller = new AbortController();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

afterEach(() => controller.abort());

describe('whenTextAppears', () => {
  it('resolves at once on a page with text, watching nothing', async () => {
    document.body.innerHTML = '<div><p>Siri met Craig Federighi.</p></div>';
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    await whenTextAppears(document, controller.signal);
    expect(observe).not.toHaveBeenCalled();
    observe.mockRestore();
  });

  it('waits for text that arrives later, passing over text no reader sees', async () => {
    document.head.innerHTML = '<title>A title</title>';
    document.body.innerHTML = '<div>  \n </div>';
    const state = track(whenTextAppears(document, controller.signal));
    await delivered();
    expect(state.resolved).toBe(false);

    document.body.insertAdjacentHTML('beforeend', '<script>var siri = 1;</script><style>p { color: red }</style>');
    document.body.append('   ');
    document.body.append(document.createElement('template'));
    await delivered();
    expect(state.resolved).toBe(false);

    document.body.insertAdjacentHTML('beforeend', '<section><p>Siri arrived.</p></section>');
    await delivered();
    expect(state.resolved).toBe(true);
  });

  it('notices a blank text node that is later filled', async () => {
    const blank = document.createTextNode(' ');
    document.body.append(blank);
    const state = track(whenTextAppears(document, controller.signal));
    await delivered();
    expect(state.resolved).toBe(false);

    blank.data = 'Siri';
    await delivered();
    expect(state.resolved).toBe(true);
  });

  it('stops watching when aborted', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const state = track(whenTextAppears(document, controller.signal));
    controller.abort();
    expect(disconnect).toHaveBeenCalledTimes(1);

    document.body.innerHTML = '<p>Siri, too late.</p>';
    await delivered();
    expect(state.resolved).toBe(false);
    disconnect.mockRestore();
  });
});
