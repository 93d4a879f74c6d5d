/** Saves `text` as a download named `name`, through a link that is gone once clicked. */
export function downloadFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox may cancel a download whose URL is revoked at once.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
