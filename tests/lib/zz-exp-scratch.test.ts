import { it } from 'vitest';
it('exp', async () => {
  document.body.innerHTML = '<span>A</span><template><p>x</p></template><span>pple Intelligence </span>';
  const a = document.body.firstChild!.firstChild!; const b = document.body.lastChild!.firstChild!;
  const r = document.createRange(); r.setStart(a, 0); r.setEnd(b, 17);
  console.log(JSON.stringify(r.toString()));
  const c = r.cloneContents(); console.log(c.childNodes.length, [...c.childNodes].map(n => n.nodeName), JSON.stringify(c.textContent));
  document.body.innerHTML = '<span>A</span><b>x</b><span>pple Intelligence </span>';
  const a2 = document.body.firstChild!.firstChild!; const b2 = document.body.lastChild!.firstChild!;
  const r2 = document.createRange(); r2.setStart(a2, 0); r2.setEnd(b2, 17);
  const c2 = r2.cloneContents(); console.log(JSON.stringify(r2.toString()), c2.childNodes.length, JSON.stringify(c2.textContent));
});
