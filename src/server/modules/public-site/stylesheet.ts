import { createHash } from 'node:crypto';

/**
 * The public site's one stylesheet: system fonts, logical properties only (the same rules serve right-to-left
 * pages), sizes in rem so that 200 % zoom reflows instead of scrolling sideways, contrast above WCAG AA.
 */
export const stylesheet = `*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",Tahoma,sans-serif;font-size:100%;line-height:1.6;color:#1b1f24;background:#fffdf7;-webkit-text-size-adjust:100%}
body{margin:0;overflow-wrap:anywhere}
a{color:#0b4f9c;text-decoration-thickness:.1em;text-underline-offset:.15em}
a:hover{color:#083a73}
a:focus-visible,summary:focus-visible{outline:.2rem solid #c2410c;outline-offset:.15rem;border-radius:.2rem}
.skip{position:absolute;inset-inline-start:.5rem;inset-block-start:-4rem;padding:.5rem 1rem;background:#0b4f9c;color:#fff;z-index:2}
.skip:focus{inset-block-start:.5rem}
.top{background:#0b4f9c;color:#fff;padding-block:.75rem;padding-inline:1rem}
.top a{color:#fff}
.top-inner,.wrap{max-inline-size:48rem;margin-inline:auto}
.top-inner{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between}
.home{font-weight:700;font-size:1.1rem}
.langs ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
.langs a[aria-current]{font-weight:700;text-decoration:none;border-block-end:.15rem solid #fff}
.langs h2{font-size:.85rem;margin:0 0 .25rem;font-weight:400}
.wrap{padding-block:1.5rem 3rem;padding-inline:1rem}
h1{font-size:1.9rem;line-height:1.25;margin-block:0 1rem}
h2{font-size:1.3rem;line-height:1.3;margin:0}
p{margin-block:0 .6rem}
.lead{font-size:1.15rem}
.notice{background:#fff3c4;border:.15rem solid #8a6100;padding:.75rem 1rem;margin-block-end:1.25rem;border-radius:.5rem}
.card{background:#fff;border:.1rem solid #d5d9de;border-radius:.75rem;padding:1rem 1.25rem;margin-block-end:1rem}
.card-head{display:flex;gap:.75rem;align-items:center;margin-block-end:.6rem}
.icon{inline-size:2.5rem;block-size:2.5rem;flex:none;color:#0b4f9c}
.promise{background:#eaf6ee;border-color:#2f7d4a}
.promise .icon{color:#2f7d4a}
.urgent{background:#fdecec;border-color:#b42318}
.urgent .icon{color:#b42318}
ul.plain{list-style:none;margin:0;padding:0}
ul.plain li{margin-block-end:.5rem}
ul.rights li{margin-block-end:.5rem}
.label{font-weight:700}
.number{font-size:1.4rem;font-weight:700;white-space:nowrap;direction:ltr;unicode-bidi:isolate}
.ltr{direction:ltr;unicode-bidi:isolate}
.button{display:inline-block;background:#0b4f9c;color:#fff;padding:.6rem 1.1rem;border-radius:.5rem;font-weight:700;text-decoration:none}
.button:hover{background:#083a73;color:#fff}
.list li{margin-block-end:.75rem}
.meta{color:#4a525c;font-size:.95rem}
footer{border-block-start:.1rem solid #d5d9de;padding-block:1rem 2rem;padding-inline:1rem}
@media (min-width:40rem){h1{font-size:2.3rem}.icon{inline-size:3rem;block-size:3rem}}
@media print{.top,.skip,footer{display:none}.card{break-inside:avoid}}
`;

/** Part of the stylesheet's address: a new version is a new address, so it can be cached for a year. */
export const stylesheetVersion = createHash('sha256').update(stylesheet).digest('hex').slice(0, 12);
export const stylesheetPath = '/children.css';
