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
ui-references = 参考资料
ui-related = 相关错误码

## Tables

ui-ranges = 错误码区间
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
ui-family-rule = { $base } + { $name }（{ $value }）
ui-fallback = 尚未翻译
ui-footer = 由errdoc根据错误码目录及其翻译生成。
ui-not-found = 页面不存在
ui-not-found-text = 此地址没有页面。请从首页搜索错误码：

## Search

ui-search-label = 搜索错误码
ui-search-placeholder = 错误码、常量名或关键词
ui-search-hint = 按 / 键搜索
ui-search-none = 没有匹配的错误码
