# errdoc's own error codes E05xx: files, options and the sources lock.

module-files = 文件、选项与源文记录
    .note = 关于读取项目文件（错误码目录、`.ftl`文件、模板、布局以及每种翻译的`.sources.lock`）的问题，以及错误的命令行选项。errdoc只读取项目内的普通UTF-8文件，每个文件最大64 MiB；无法读取的内容都会报告为错误，并给出文件或文件夹，命令随即停止，而不会遗漏任何内容。

code-501 = 链接指向项目之外
    .description = 项目中的某个符号链接指向项目文件夹之外的文件或文件夹。errdoc只跟随留在项目内的链接，使项目无法让它读取或打印其他位置的文件（`/proc/self/environ`、另一个代码检出）。该文件不会被读取；如果语言文件夹本身是这样的链接，构建会停止，而不是丢掉该语言。
    .cause-1 = 从另一个代码检出链接了共享的翻译或模板文件夹，例如`locales/zh-CN`指向`../../shared/zh-CN`。
    .cause-2 = 链接指向系统文件或设备，例如`/dev/zero`。
    .solution-1 = 将文件或文件夹复制到项目中（在CI中，可在运行errdoc之前增加一个复制步骤），或让链接指向项目内部。

code-502 = 不是普通文件
    .description = 在errdoc要读取文件的位置，发现的是文件夹、设备、命名管道或套接字。errdoc只读取普通文件。
    .cause-1 = 某个文件夹使用了errdoc要读取的文件的名称，例如`catalog/codes.yaml`。
    .cause-2 = 在`locales/`、`templates/`或`layouts/`下创建了命名管道或设备，其名称正是errdoc要读取的（例如`x.ftl`）。
    .solution-1 = 用普通文件替换它，或将其删除。

code-503 = 文件过大
    .description = 文件超过64 MiB，这是errdoc从单个输入文件（错误码目录、`.ftl`文件、模板、布局）读取的上限。errdoc不会读取它，以免错误的文件耗尽内存。
    .cause-1 = 它不是你想要的文件：而是同名的日志、转储文件或二进制文件。
    .cause-2 = 生成的文件确实有这么大。
    .solution-1 = 确认它是正确的文件。
    .solution-2 = 拆分过大的文本：一种语言的消息可以任意分布在多个`.ftl`文件中。

code-504 = 文件不是UTF-8编码
    .description = 文件不是有效的UTF-8；消息给出第一个无效字节的偏移量。errdoc按UTF-8读取所有文本文件（文件开头的字节顺序标记没有问题）。
    .cause-1 = 文件以旧式编码保存，例如中文的GBK或GB 2312，或Windows-1252。
    .cause-2 = 文件以UTF-16保存，某些Windows编辑器称之为“Unicode”。
    .solution-1 = 在编辑器中将文件另存为UTF-8，或进行转换，例如`iconv -f GBK -t UTF-8 old.ftl > new.ftl`。

code-505 = 文件或文件夹无法读取
    .description = errdoc在遍历项目的某个文件夹（`locales/`、`templates/`、`layouts/`）时，无法读取其中某一项；消息给出系统报告的原因。errdoc会读取这些文件夹下的所有内容，不会不加说明地跳过任何内容。
    .cause-1 = 损坏的符号链接，其目标已不存在（`No such file or directory`）。
    .cause-2 = errdoc没有读取某个文件夹的权限。
    .cause-3 = 链接循环指向了其上层的某个文件夹。
    .solution-1 = 修复或删除该链接，或授予errdoc读取该文件夹的权限。

code-507 = 无法读取源文记录
    .description = `locales/<tag>/.sources.lock`记录了每条翻译所依据的英文。该文件存在，但无法读取；消息会说明原因（不是UTF-8、过大、不是普通文件、链接指向项目之外，或系统错误）。errdoc不会猜测记录的内容：所有加载项目的命令都会停止。
    .cause-1 = 文件已损坏，或被替换成了不是普通UTF-8文件的内容。
    .cause-2 = 它是指向项目之外的链接。
    .solution-1 = 从版本控制系统中恢复该文件。
    .solution-2 = 或者删除它，然后运行`errdoc l10n sync --locale <tag>`重新生成。新文件会把每条现有翻译记录为依据当前英文所译，因此原先已过时的翻译此后会被视为最新。

code-509 = 源文记录无法解析
    .description = `locales/<tag>/.sources.lock`不是errdoc写入的JSON格式：它无法解析，或含有errdoc不认识的字段。消息给出行、列和解析器给出的原因。所有加载项目的命令都会停止，以免丢失记录。
    .cause-1 = 两个分支都修改了翻译，合并后文件中留下了冲突标记（`<<<<<<<`、`>>>>>>>`）。
    .cause-2 = 文件被手动编辑过（缺少逗号或引号），或被其他工具改写。
    .solution-1 = 合并后请解决冲突，保留双方的条目，使文件重新成为有效的JSON。
    .solution-2 = 或者从版本控制系统中恢复它，或删除它后运行`errdoc l10n sync --locale <tag>`（原先已过时的翻译此后会被视为最新）。

code-510 = 命令行给出的base URL无效
    .description = `build --base-url`的值必须是网站发布位置的绝对地址：以`http://`或`https://`开头，包含主机名，路径以`/`结尾，且不含空格、引号或尖括号。errdoc用它生成`sitemap.xml`、`hreflang`链接和`404.html`。
    .cause-1 = 缺少末尾的`/`：`https://example.org/docs/errors`。
    .cause-2 = 缺少协议或使用了其他协议（`example.org/docs/`、`ftp://…`），或给出的是相对路径。
    .solution-1 = 写出协议和末尾的`/`：`--base-url https://example.org/docs/errors/`。
    .solution-2 = 错误码目录中的`site.base_url`遵循同样的规则（E0203）；该选项会覆盖它。
