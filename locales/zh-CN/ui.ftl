### 页面模板中的字符串（章节标签、表头、标记）。
### 错误码本身的文本在其他文件中。

## Page chrome

ui-note-label = 说明：

## Sections of a code

ui-error-message = 错误信息
ui-description = 错误描述
ui-causes = 可能原因
ui-solution = 处理步骤
ui-flags = 使用限制
ui-versions = 版本
ui-since = 从{ $version }开始支持
ui-deprecated = 从{ $version }开始废弃
ui-removed = 从{ $version }开始移除：应用不再收到该错误码，该编号保留不再使用
ui-changes-title = 自{ $release }以来的变更
ui-changes-lead = 自{ $release }以来错误码的变更，供使用这些错误码的应用参考。
ui-changes-reused = 含义改变的编号
ui-changes-renumbered = 重新编号的错误码
ui-changes-removed = 移除的错误码
ui-changes-renamed = 重命名的常量
ui-changes-messages = 修改的错误信息
ui-changes-deprecated = 废弃的错误码
ui-changes-moved = 移到其他页面的错误码
ui-changes-added = 新增错误码
ui-change-since = 从{ $version }开始
ui-change-gone = 未经说明即被移除
ui-change-deprecated-first = 从{ $version }开始废弃，现已移除
ui-references = 参考资料
ui-related = 相关错误码

## Tables

ui-ranges = 错误码区间
ui-ranges-of = { $page }：错误码区间
ui-column-range = 区间
ui-column-meaning = 含义
ui-column-description = 说明
ui-column-code = 错误码
ui-column-name = 名称
ui-column-message = 错误信息

## Flags of a code (catalog `flags:`)

flag-reserved = 保留供将来使用，含义尚未定义。
flag-never-sent = 不得在Close帧中发送，仅由端点在本地上报。

## The site

ui-language-name = 简体中文
ui-site-title = 错误码参考
ui-home = 首页
ui-home-lead = 每个错误码的含义、可能原因和处理步骤。在搜索框中输入错误码、常量名或关键词；按 / 键即可开始搜索。
ui-modules = 页面
ui-column-page = 页面
ui-column-documented = 已说明的错误码
ui-column-generated = 自动生成的错误码
ui-skip = 跳到正文
ui-language = 语言
ui-breadcrumbs = 导航路径
ui-contents = 目录
ui-code-page = 错误码页面
ui-name = 常量名
ui-family = 错误码族
# The pages a code is on (one code may be documented on several).
ui-documented-on = 所在页面
ui-family-rule = { $base } + { $name }（{ $value }）
ui-fallback = 尚未翻译
ui-stale = 英文原文在翻译后已更改
ui-footer = 由errdoc根据错误码目录及其翻译生成。
ui-not-found = 页面不存在
ui-not-found-text = 此地址没有页面。请从首页搜索错误码：

## Translation status page

ui-status-title = 翻译状态
ui-status-lead = 已翻译{ $percent }%的英文字符串。未翻译的字符串以英文显示。
ui-status-source = 英文是源语言，其他语言均由英文翻译而来。
ui-status-all = 所有语言
ui-status-all-pages = 所有页面
ui-status-ui = 网站标签
ui-status-progress = 进度
ui-status-total = 字符串
ui-status-translated = 已翻译
ui-status-missing = 缺失
ui-status-stale = 过时
ui-status-unchanged = 未改动
ui-status-obsolete = 已废弃
ui-status-drift = 与英文不一致
ui-status-words = 词数
ui-status-help = 缺失：尚未翻译。过时：翻译后英文原文已更改。未改动：与英文相同。已废弃：英文中已不存在。译者请参阅TRANSLATING.md。
ui-status-link = 翻译状态
ui-status-todo = 待处理的字符串
ui-status-string = 字符串
ui-status-state = 状态
ui-status-file = 文件
ui-status-more = ……另有{ $count }个：`errdoc l10n status --list`会全部列出。

## Search

ui-search-label = 搜索错误码
ui-search-placeholder = 错误码、常量名或关键词
ui-search-hint = 按 / 键搜索
ui-search-none = 没有匹配的错误码
ui-search-more = 匹配的错误码多于所列；请输入更多内容缩小范围。
ui-search-did-you-mean = 您是不是要找：
ui-search-other = 在另一种语言中找到：
