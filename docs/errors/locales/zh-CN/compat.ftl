# errdoc's own error codes E0601–E0617: the catalog against an earlier release (`errdoc compat`).

module-compat = 与早期版本的兼容性
    .note = `errdoc compat --against REV|FILE`把错误码目录与早期版本（项目的某个git修订版本，或`errdoc export --format json`导出的文件）比较时发现的问题。应用会根据错误码分支处理、引用错误码常量并匹配错误信息，因此其中任何一项变化都会破坏应用。错误表示这类破坏性变更，会使`compat`以1退出；告警值得关注；提示是错误码目录已声明的变更（`removed:`、`renamed_from:`、`message_changed:`、错误码族的`changed:`）以及新增的错误码，供变更日志列出。每一项都指向当前错误码目录中该错误码所在的行；已删除的错误码则指向早期版本中的行。

code-601 = 错误码被删除
    .description = 早期版本中有该错误码，当前错误码目录中没有。根据该错误码分支处理或使用其常量的应用会因此出错；而且不在目录中的编号以后可能被分配给别的错误。
    .cause-1 = 从`catalog/codes.yaml`中删除了该错误码的条目。
    .cause-2 = 定义它的模块被删除，或模块的`owns`不再包含该编号。
    .solution-1 = 如果是有意删除，请保留其条目并添加`removed: "<版本>"`（例如`removed: "API 14"`）。页面会将其记为已移除，编号保持占用，`compat`只给出提示（E0613）。
    .solution-2 = 如果是误删，请从早期版本中恢复该条目。

code-602 = 错误码被重新编号
    .description = 早期版本中命名该错误码的常量，现在命名了另一个编号。用旧编号比较错误、或用旧常量值编译的应用，会把该错误当作别的错误，或者漏掉它。
    .cause-1 = 修改了该错误码的`code:`，例如为了把它移到另一个号段。
    .solution-1 = 保留旧编号及其名称（如果不再返回，加上`removed: "<版本>"`），并为新错误码起一个自己的常量名。

code-603 = 编号被另作他用
    .description = 该编号在早期版本中有另一个常量名和另一条错误信息：它现在表示另一个错误。这是最严重的破坏：处理旧错误的应用会对新错误执行同样的处理。
    .cause-1 = 删除了一个看似无用的错误码，并把它的编号给了新错误。
    .cause-2 = 同时修改了该错误码的名称和错误信息。
    .solution-1 = 为新错误分配自己的编号，并恢复旧错误码（如果已不再使用，加上`removed: "<版本>"`）。
    .solution-2 = 如果是同一个错误，只是改了名称和措辞，请同时声明：`renamed_from: 旧名称`和`message_changed: "<版本>"`。

code-604 = 常量被重命名
    .description = 该错误码的常量名与早期版本不同，错误信息相同。使用导出常量（Rust、TypeScript、ArkTS、C）的程序将无法编译。
    .cause-1 = 修改了该错误码的`name:`。
    .solution-1 = 如果是有意重命名，请在该错误码上写明`renamed_from: 旧名称`；`compat`随后只给出提示（E0614），变更日志也会列出。
    .solution-2 = 否则，请恢复旧名称。

code-605 = 错误信息原文被修改
    .description = API为该错误码返回的错误信息与早期版本不同。匹配错误信息的应用和日志过滤规则会因此失效。从有错误信息变为没有，或反之，也算作修改。
    .cause-1 = 修改了该错误码的`message:`，哪怕只是标点或大小写。
    .cause-2 = 对于错误码族的成员，修改了表条目的`message:`（见E0607）。
    .solution-1 = 如果是有意修改，请写明在哪个版本修改：`message_changed: "<版本>"`；`compat`随后只给出提示（E0615）。
    .solution-2 = 否则，请恢复原来的错误信息：错误信息原文是API返回的内容，而不是文档文字。

code-606 = 错误码移到了另一个模块
    .description = 定义该错误码的模块与早期版本不同，因此它在另一个页面上说明。应用不受影响，但指向旧页面中该错误码章节的链接会失效。
    .cause-1 = 该错误码的条目被移到了错误码目录的另一个模块。
    .solution-1 = 在旧模块的`codes:`中用`also: <错误码>`把它也列在旧页面上。
    .solution-2 = 或者在Web服务器上重定向旧页面的地址。

code-607 = 错误码族的成员发生变化
    .description = 错误码族为表中的每个条目生成一个错误码（`基数 + 值`）；其基数、表、名称模式或表条目的变化改变了它生成的错误码。这些变化汇总在错误码族所在的行：删除、重新编号、常量重命名和错误信息修改的数量。每一项对应用的破坏与对普通错误码做同样修改相同。
    .cause-1 = 修改了错误码族的`base:`：每个成员都被重新编号。
    .cause-2 = 删除或重命名了表中的条目，或修改了条目的错误信息。
    .cause-3 = 修改了错误码族的`name:`模式：每个常量都被重命名。
    .solution-1 = 保持原有错误码族不变，为新规则新建一个错误码族。
    .solution-2 = 如果是有意修改，请在错误码族上写明`changed: "<版本>"`；`compat`随后只给出提示（E0616）。

code-608 = 错误码未经废弃即被移除
    .description = 该错误码带有`removed:`，但早期版本没有将其标记为`deprecated:`。应用没有一个版本的时间来迁移。
    .cause-1 = 在该错误码仍被记为可用的下一个版本中就移除了它。
    .solution-1 = 移除错误码之前，先将其废弃（`deprecated: "<版本>"`）至少一个版本。如果必须立即移除，可以保留该告警：它不是错误。

code-609 = 无法读取`site.changes_since`指定的版本
    .description = `site.changes_since`指定了早期版本的文件，网站的“变更”页面与其比较，而构建无法读取该文件。构建只读取项目中的文件（从不读取git历史，以便浅克隆也能构建出相同的网站）：该文件是在该版本发布时用`errdoc export --format json`生成的快照，保存在`catalog/`下。
    .cause-1 = 文件不存在：路径有拼写错误，或从未生成快照。
    .cause-2 = 路径不在`catalog/`下，或离开了项目（`..`）。
    .cause-3 = 文件不是`errdoc export --format json`写出的内容（网站的`codes.json`只有一种语言，没有历史），或其中有errdoc不会写出的名称或模块，而页面会原样显示它们。
    .cause-4 = 任何输入文件都可能有的问题（不是UTF-8、是文件夹、链接指向项目之外）以各自的错误码报告，即E0501到E0505。
    .solution-1 = 在发布版本时运行`errdoc export --format json -o catalog/releases/<版本>.json`，提交该文件，并写明：`changes_since: "catalog/releases/<版本>.json"`。页面以文件名作为版本名（`v1.0.json`即v1.0）。

code-611 = 新增错误码
    .description = 当前错误码目录中有早期版本没有的错误码。无需修改：该提示供变更日志使用。
    .cause-1 = 向错误码目录添加了一个错误码。
    .solution-1 = 无需处理。如果希望页面注明它从哪个版本开始提供，请加上`since: "<版本>"`。

code-612 = 错误码新近废弃
    .description = 该错误码当前带有`deprecated:`，而早期版本没有。无需修改：该提示供变更日志使用。
    .cause-1 = 为该错误码添加了`deprecated: "<版本>"`。
    .solution-1 = 无需处理。

code-613 = 已声明的移除
    .description = 该错误码以`removed: "<版本>"`保留在错误码目录中：页面将其记为已移除，编号保持占用。`compat`给出提示，供变更日志使用。
    .cause-1 = 为该错误码添加了`removed:`。
    .solution-1 = 无需处理。请保留该条目：以后再删除它会触发E0601。

code-614 = 已声明的重命名
    .description = 该错误码的常量换了名称，且该错误码用`renamed_from:`写明了旧名称。`compat`给出提示，供变更日志使用。
    .cause-1 = 用`renamed_from: 旧名称`重命名了该错误码。
    .solution-1 = 无需处理。请告知应用开发者：他们的代码引用了该常量。

code-615 = 已声明的错误信息修改
    .description = 该错误码的错误信息原文与早期版本不同，且该错误码用`message_changed:`写明了版本。`compat`给出提示，供变更日志使用。
    .cause-1 = 修改了错误信息并添加了`message_changed: "<版本>"`。
    .solution-1 = 无需处理。请告知匹配错误信息的应用开发者。

code-616 = 已声明的错误码族变化
    .description = 错误码族的成员自早期版本以来发生了变化，且该错误码族用`changed:`写明了版本。`compat`给出变化的内容，供变更日志使用。
    .cause-1 = 修改了错误码族的规则或其表，并为错误码族添加了`changed: "<版本>"`。
    .solution-1 = 无需处理。

code-617 = 错误码族有新成员
    .description = 错误码族当前生成了早期版本没有的错误码，例如为表中新增的条目生成的错误码。无需修改：该提示供变更日志使用。
    .cause-1 = 向错误码族的表中添加了一个条目。
    .solution-1 = 无需处理。
