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
