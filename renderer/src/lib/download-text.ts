/** Saves text as a file through the browser's download (in Electron: the save dialog). */

/** Offers `text` as a download named `fileName`. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Note: revoke later, not at once; some engines read the object URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `lightbox-sync-report-2026-12-03-1805.txt` for the current local time. */
export function reportFileName(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `lightbox-sync-report-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.txt`;
}
