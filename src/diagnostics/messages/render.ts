/** Messages of the handbook renderer, in every locale. */
export const renderMessages = {
  'render.missing-field': { en: 'template uses {field}, which the view model does not have here', 'zh-CN': '模板用到了 {field}，但视图模型在这里没有这个字段' },
  'render.missing-field.help': {
    en: 'templates receive the fields of HandbookModel (src/render/view-model.ts); use `@root.` for top-level fields inside `#each`',
    'zh-CN': '模板拿到的是 HandbookModel 的字段（src/render/view-model.ts）；在 `#each` 里用顶层字段请写 `@root.`',
  },
  'render.missing-partial': { en: 'template uses the partial {partial}, which does not exist', 'zh-CN': '模板用到的片段 {partial} 不存在' },
  'render.missing-partial.help': { en: 'partials are the files in `partials/` named `<name>.<format>.hbs`', 'zh-CN': '片段是 `partials/` 里名为 `<名字>.<格式>.hbs` 的文件' },
  'render.invalid-template': { en: 'invalid template: {reason}', 'zh-CN': '模板有误：{reason}' },
  'render.template-missing': { en: 'the template {file} is missing', 'zh-CN': '缺少模板 {file}' },
  'render.template-missing.help': {
    en: 'every template in the templates directory is required; an override directory only replaces files',
    'zh-CN': '模板目录里的每个模板都是必需的；覆盖目录只能替换文件',
  },
  'render.browser-not-runnable': { en: 'the browser {path} named by {source} does not exist or cannot be run', 'zh-CN': '{source} 指定的浏览器 {path} 不存在或无法运行' },
  'render.no-browser': { en: 'no Chromium to print the PDF with (looked for {paths})', 'zh-CN': '找不到用来打印 PDF 的 Chromium（找过 {paths}）' },
  'render.install-browser.help': {
    en: 'install Chromium (`apt-get install chromium`), or pass the path of a Chromium or Chrome with `--browser PATH` (or set `SOPWRIGHT_BROWSER`)',
    'zh-CN': '请安装 Chromium（`apt-get install chromium`），或用 `--browser PATH` 指定 Chromium 或 Chrome 的路径（也可以设置 `SOPWRIGHT_BROWSER`）',
  },
} as const;
