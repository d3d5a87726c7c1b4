// Owns the small DOM helpers the UI component tests share: mount a Preact tree into happy-dom, wait for
// storage-driven updates, and fire input events the way a user would.
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';

const roots: HTMLElement[] = [];

/** Renders into a fresh container in document.body. */
export async function mount(vnode: VNode): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  await act(() => {
    render(vnode, root);
  });
  return root;
}

/** Unmounts everything mounted by `mount` and resets the document's lang/dir. */
export async function cleanup(): Promise<void> {
  for (const root of roots.splice(0)) {
    await act(() => render(null, root));
    root.remove();
  }
  document.documentElement.removeAttribute('dir');
  document.documentElement.removeAttribute('lang');
}

/** Lets pending promises, storage watchers and effects run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** Polls until `check` returns a truthy value (storage and lazy locale loads are async). */
export async function waitFor<T>(check: () => T | null | undefined | false, what = 'condition', timeoutMs = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await flush();
  }
}

/** Finds an element by its visible text (trimmed, exact or containing). */
export function byText<E extends Element = HTMLElement>(root: ParentNode, selector: string, text: string | RegExp): E | undefined {
  return [...root.querySelectorAll<E>(selector)].find((el) => (typeof text === 'string' ? el.textContent?.trim() === text : text.test(el.textContent ?? '')));
}

/** Clicks an element inside act(). */
export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(() => {
    (el as HTMLElement).click();
  });
  await flush();
}

/** Types into a textarea or input (sets the value, fires input). */
export async function type(el: Element | null | undefined, value: string): Promise<void> {
  if (!el) throw new Error('nothing to type into');
  await act(() => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await flush();
}

/** Chooses an option in a select (fires change). */
export async function choose(el: Element | null | undefined, value: string): Promise<void> {
  if (!el) throw new Error('no select');
  await act(() => {
    (el as HTMLSelectElement).value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
}
