/** Random ids for frames, elements and modals: unguessable, so another script cannot impersonate one. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let id = '';
  for (const byte of bytes) id += byte.toString(36).padStart(2, '0');
  return id;
}
