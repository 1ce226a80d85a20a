/** Reports the content height whenever the layout changes it (errors appear, the button shows). */
export function watchHeight(element: HTMLElement, onHeight: (height: number) => void): () => void {
  let last = -1;
  const report = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    onHeight(height);
  };
  const observer = new ResizeObserver(report);
  observer.observe(element);
  report();
  return () => observer.disconnect();
}
