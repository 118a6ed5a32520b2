import { compileSources } from './src/check/check.js';
const head = `policy p "P" { locales zh-CN  start d0 }\nfact x: money "X"\nfact b: bool "B"\noutcome o "O" { }\n`;
const tries: Record<string, string> = {
  parens170: `decision d0 { when ${'('.repeat(170)}b${')'.repeat(170)} -> o\n otherwise -> o }`,
  not1200: `decision d0 { when ${'not '.repeat(1200)}b -> o\n otherwise -> o }`,
  sum3000: `decision d0 { when ${Array(3000).fill('x').join(' + ')} > 0 CNY -> o\n otherwise -> o }`,
  lets3000: Array.from({ length: 3000 }, (_, i) => `let l${i + 1} = ${i === 0 ? 'x' : `l${i}`} + 1 CNY "L"`).join('\n') + `\ndecision d0 { when l3000 > 0 CNY -> o\n otherwise -> o }`,
  chain10000: Array.from({ length: 10000 }, (_, i) => `decision d${i} { when b -> ${i === 9999 ? 'o' : `d${i + 1}`}\n otherwise -> o }`).join('\n'),
};
for (const [name, body] of Object.entries(tries)) {
  const t = Date.now();
  try {
    const r = compileSources('p.sop', { 'p.sop': head + body });
    console.log(name, 'ok', r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code + ' ' + d.message).slice(0, 2), Date.now() - t, 'ms');
  } catch (e) {
    console.log(name, 'THROWS', (e as Error).message.slice(0, 100));
  }
}
