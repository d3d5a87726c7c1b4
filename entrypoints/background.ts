// Owns the background worker: per-tab verdicts, the toolbar badge and the context menu (filled in by the in-page issue).
export default defineBackground(() => {});
