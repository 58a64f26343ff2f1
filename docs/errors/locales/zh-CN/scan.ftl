# errdoc's own error codes E0621–E0624: the source code against the catalog (`errdoc scan`).

module-scan = 源代码与错误码目录
    .note = `errdoc scan PATH…`读取源代码（C和C++、Rust、TypeScript和ArkTS、JavaScript、Java和Kotlin、Python、Go、C#、Swift、Objective-C），查找其中使用的错误码时发现的问题：位于某个模块`owns`号段内的完整整数字面量、错误码目录中的常量名，或`scan.patterns`中某个模式的第1组。源代码使用了但错误码目录没有说明的错误码，是最常见的文档缺陷；`scan`遇到这种情况会失败（退出码为1），正如Rust编译器的`tidy`在遇到未说明的错误码时让构建失败。每一项都指向文件、行和列。

code-621 = 源代码使用的错误码没有文档
    .description = 某个源文件使用了位于错误码目录中某模块所拥有号段内的数字（或项目模式指出了一个错误码），而错误码目录中既没有该错误码，也没有包含它的命名号段。应用收到该错误码时找不到对应的说明。
    .cause-1 = 在实现中新增了错误码，但没有添加到`catalog/codes.yaml`。
    .cause-2 = 该数字不是错误码，只是恰好位于某个号段内（上限、大小、日期等）。
    .solution-1 = 为该错误码编写文档：将其添加到`catalog/codes.yaml`中对应的模块，写好英文文本，再补充翻译。
    .solution-2 = 如果它不是错误码，请缩小该模块的`owns`，或用`scan.exclude`排除该文件。

code-622 = 有文档的错误码没有被使用
    .description = 使用`--unused`时：扫描的源文件中没有任何一个通过编号或常量名提到该错误码。错误码族的成员（应用通常按`基数 + errno`计算得到）以及以`removed:`保留的错误码不会列出。
    .cause-1 = 已经没有API返回该错误码。
    .cause-2 = 源代码以`scan`不认识的方式引用该错误码，例如用宏把基数和数字相加。
    .cause-3 = 使用它的文件夹没有被扫描，或被`scan.exclude`或`.gitignore`排除。
    .solution-1 = 如果已经没有API返回它，请标记为`removed: "<版本>"`：它仍保留文档，编号仍被占用。
    .solution-2 = 在`scan.patterns`中描述项目自己引用错误码的方式：一个正则表达式，其第1组是编号或名称，例如`'NET_ERR\((\w+)\)'`。

code-623 = `scan`的通配符或模式无法编译
    .description = `scan.include`或`scan.exclude`中的某一项不是有效的通配符，或`scan.patterns`中的某一项不是有效的正则表达式，或没有第1组。
    .cause-1 = 方括号或圆括号没有闭合；在YAML中，双引号内的反斜杠是转义符（请用单引号书写模式）。
    .cause-2 = 模式中没有分组：`scan`把第1组当作错误码或常量名。
    .solution-1 = 修正该项。通配符匹配相对于当前文件夹的路径（`src/**/*.c`、`**/vendor/**`）；模式使用Rust `regex`库的语法。

code-624 = 路径无法扫描
    .description = 传给`scan`的某个路径，或其下的某个文件或文件夹无法读取。`scan`会读取其余所有内容，然后失败，以免有内容被悄悄遗漏。
    .cause-1 = 路径不存在（拼写错误，或路径是相对于其他文件夹的）。
    .cause-2 = errdoc没有读取该文件或文件夹的权限。
    .cause-3 = 路径下没有任何文件被读取：没有errdoc认识的语言的文件，`scan.include`和`scan.exclude`排除了所有文件，或所有文件都是二进制文件。
    .solution-1 = 传入存在的路径（相对于当前文件夹），并检查权限。
