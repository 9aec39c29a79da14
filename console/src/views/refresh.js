// Keeps a page live: runs load() now and every `seconds` until stopped, never two at once, and shows a failed load
// on the page instead of throwing it away.
import { notice } from '../dom.js';

export function every(seconds, load) {
  let stopped = false;
  let timer = null;
  const tick = async () => {
    try {
      await load();
    } catch (e) {
      notice(e.message, true);
    }
    if (!stopped) timer = setTimeout(tick, seconds * 1000);
  };
  tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
