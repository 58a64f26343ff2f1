# errdoc's own errors E0201–E0252: what the catalog says.

module-meaning = 目录的内容
    .note = 本页介绍`catalog/codes.yaml`读取成功后，针对其内容的错误和警告：id和名称、重复定义的错误码、模块拥有的区间（`owns`）、错误码族、具名区间、参考资料、列出条目（`also:`）、标题、标记、错误信息偏差，以及导出时无法使用的名称。errdoc会在一次运行中报告全部问题，并指出每个问题在目录中的位置。警告不会中止构建，错误会。

code-201 = id重复定义
    .description = 两个同类对象使用了相同的id，而id必须唯一。报错信息会说明是哪一类：参考资料、表、模块、页面、错误码族或区间，某个模块的标题，或者同一张表中的值或名称。附带的note指向第一次定义的位置。
    .cause-1 = 复制条目后没有修改id，例如两个参考资料的`id`相同，或者两个模块的`id`或`page`相同。
    .cause-2 = 同一张表中有两个条目的`value`或`name`相同。别名也算作名称，因此与表中名称重复的别名同样会报错。
    .cause-3 = 两个模块中有id相同的错误码族或具名区间：错误码族和区间的id在整个目录中唯一，而不只是在所属模块内唯一。标题的id则在所属模块内唯一。
    .solution-1 = 为其中一个换一个id（或页面名称），并在每种语言中相应地重命名它的Fluent消息（`module-<id>`、`family-<id>`、`range-<id>`、`heading-<module>-<id>`）。
    .solution-2 = 如果两者描述的是同一事物，删除其中一个。如果表中同一个值有两个名称，只保留一个条目，把另一个名称写到它的`aliases`中。

code-202 = id不是小写id
    .description = 模块、表、错误码族、区间或标题的id不符合errdoc的要求：只能由小写ASCII字母、数字和`-`组成，以字母开头，且不能以`-`结尾。id会成为Fluent消息id和文件名的一部分。参考资料的id另有规则（见E0206）。
    .cause-1 = id中含有大写字母、`_`、空格或点，例如`Socket`、`socket_errno`或`net.socket`。
    .cause-2 = id以数字或`-`开头，或者以`-`结尾。
    .solution-1 = 将其改为由小写字母、数字和`-`组成的id，如`socket-errno`，并在每种语言中重命名包含它的Fluent消息（`module-<id>`、`family-<id>`等）。

code-203 = 站点地址不是文件夹URL
    .description = `site:`下的`base_url`是站点的发布地址，必须是指向文件夹的绝对`http://`或`https://` URL：带主机名，以`/`结尾，且不含空格、引号、`<`或`>`。errdoc在生成`sitemap.xml`、`hreflang`链接和`404.html`时会用到它。
    .cause-1 = 缺少结尾的`/`：写成了`https://example.org/docs`，而不是`https://example.org/docs/`。
    .cause-2 = 地址没有协议或使用了其他协议（`example.org/docs/`、`ftp://example.org/`），或者只是`/docs/`这样的路径。
    .solution-1 = 写出以`/`结尾的完整地址：`base_url: "https://errdoc.example.org/"`。
    .solution-2 = 如果站点还没有固定地址，请删除`base_url`，构建时会省略需要它的内容。也可以用`errdoc build --base-url`为单次构建指定地址。

code-204 = 参考资料的URL无效
    .description = `references:`下某个参考资料的`url`不是绝对的`http://`或`https://` URL，或者含有空格、引号、`<`或`>`。
    .cause-1 = 缺少协议（`www.rfc-editor.org/rfc/rfc6455`），或者URL是相对链接或文件路径。
    .cause-2 = URL中含有空格或引号，例如复制时连同周围的文字一起复制了进来。
    .solution-1 = 写出完整地址，其中的空格编码为`%20`：`url: "https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1"`。

code-205 = 参考资料的标题为空
    .description = `references:`下某个参考资料的`title`为空或只有空格。页面用标题作为指向该文档的链接文字。
    .cause-1 = 写了`title: ""`作为占位，之后没有填写。
    .solution-1 = 写上文档的标题：`title: "RFC 6455 §7.4.1"`。标题是专有名称，不需要翻译。

code-206 = 参考资料的id不是小写id
    .description = 参考资料的`id`不符合参考资料id的要求：只能由小写ASCII字母、数字、`-`和`.`组成，以字母开头，且不能以`-`或`.`结尾。与其他id不同，参考资料的id可以含有点，如`rfc6455-7.4.1`。
    .cause-1 = id中含有大写字母、`_`、空格或`/`，例如`RFC6455`或`errno_3`。
    .cause-2 = id以数字、`-`或`.`开头，或者以`-`或`.`结尾。
    .solution-1 = 重命名该id，例如改为`rfc6455-7.4.1`，并同步修改所有在`references:`中引用它的错误码、错误码族和区间。

code-207 = 表的id是保留字
    .description = 表的id是errdoc留给自己使用的：`ui`、`flag`、`module`、`heading`、`code`、`family`或`range`。表条目的翻译是Fluent消息`<table>-<NAME>`，而以这些词开头的消息是errdoc自己的（`code-1006`、`ui-causes`等）。
    .cause-1 = 按表的内容命名，例如把存放错误码的表命名为`code`。
    .solution-1 = 换一个id，如`errno`或`status`，并相应修改使用该表的错误码族的`table:`和表条目翻译消息的id。

code-208 = 表中没有条目
    .description = `tables:`下的某张表没有任何条目，因此展开该表的错误码族不会生成任何错误码。
    .cause-1 = 缺少`entries:`，或者它是空列表，例如表已经建好但尚未填写内容。
    .solution-1 = 在`entries:`下添加条目，每个条目写明`value`、`name`和`message`，例如值110、名称`ETIMEDOUT`、信息`Connection timed out`。
    .solution-2 = 如果没有错误码族需要这张表，删除它。

code-209 = 表条目的名称不是常量名
    .description = 表条目的`name`或其某个`aliases`不是常量名：常量名只能由大写ASCII字母、数字和`_`组成，并以字母开头。错误码族的名称模式会把这个名称放进所生成错误码的常量名中。
    .cause-1 = 名称中含有小写字母、`-`或空格，例如`etimedout`或`E-TIMEDOUT`。
    .cause-2 = 名称以数字或`_`开头。
    .solution-1 = 用大写字母和`_`书写：`ETIMEDOUT`、`SSL_ERROR_SSL`。

code-210 = 错误码的列表中有重复项
    .description = 某个错误码在`references`、`related`或`flags`列表中把同一项列了两次。报错信息会说明是哪个列表的哪一项。
    .cause-1 = 重复添加了某一项，例如合并两处修改时：`related: [2301110, 2301110]`。
    .solution-1 = 删除重复项：每个参考资料、相关错误码和标志只列一次。

code-211 = 文本为空
    .description = 目录中的某段文本为空或只有空格：错误码的`message`（即错误信息），或表条目的`message`。
    .cause-1 = 写了`message: ""`作为占位，或者文本被删掉了。
    .solution-1 = 写上API实际返回的英文原文：`message: "Connection refused"`。
    .solution-2 = 如果错误码没有错误信息（例如WebSocket关闭码），请从该错误码中删除`message`。表条目则必须有`message`。

code-212 = 目录中没有声明模块
    .description = 目录中没有任何模块，而每个模块对应一个页面，因此站点没有页面。这是警告：检查和构建仍会成功（除非用`--deny-warnings`把警告视为错误），但生成的站点没有内容。
    .cause-1 = 项目刚用`errdoc init`创建，其目录以`modules: []`开始。
    .cause-2 = 目录中缺少`modules:`，或者它是空列表。
    .solution-1 = 在`modules:`下添加模块，写明它的`id`、`page`和错误码；errdoc的README.md中“The catalog”一节给出了示例。
    .solution-2 = 也可以用`errdoc import`导入已有的页面。

code-213 = 页面名称不是普通文件名
    .description = 模块的`page`是其输出文件不带扩展名的名称，它为空，或含有ASCII字母、数字、`-`和`_`以外的字符。页面会写成`<page>.md`和`<page>.html`，因此必须是普通的文件名。
    .cause-1 = 页面名称中带有文件夹或扩展名：`docs/errorcode-net-socket`或`errorcode-net-socket.md`。
    .cause-2 = 名称中含有空格、点或非ASCII字母。
    .solution-1 = 只写文件名本身：`page: errorcode-net-socket`。

code-214 = 元数据的值无法放入HTML注释
    .description = 模块`metadata`中的某个值（`kit`、`subsystem`、`owner`、`designer`、`tester`、`adviser`）无法写到页面上。每个值都会写成一行HTML注释，如`<!--Kit: Network Kit-->`，而这个值会使注释提前结束、开启另一个注释，或者跨越多行。
    .cause-1 = 值中含有结束注释的`-->`或`--!>`，或开启注释的`<!--`，或者以`<!-`结尾。
    .cause-2 = 值跨越多行，例如带换行的引号文本，或者用`|`写的YAML块。
    .solution-1 = 把值写在一行内，且不含上述字符序列。单独的`--`是可以的：`owner: "@zxz--3"`。

code-215 = 模块的页面上没有内容
    .description = 某个模块的`codes:`下没有任何条目（错误码、列出条目或标题都没有），也没有错误码族和区间，因此它的页面上没有可展示的内容。这是警告：构建仍会成功。
    .cause-1 = 先添加了模块，还没有添加错误码。
    .cause-2 = 模块的错误码都已移到其他模块，模块本身被遗留了下来。
    .solution-1 = 为模块添加错误码（`code:`）、其他模块的错误码（`also:`）、错误码族或区间。
    .solution-2 = 或者删除该模块，并在每种语言中删除它的消息（`module-<id>`）。

code-216 = 区间的终点小于起点
    .description = 模块`owns`或`ranges`中的某个区间，`from`大于`to`，因此不包含任何数字。
    .cause-1 = 把`from`和`to`写反了。
    .cause-2 = 其中一个数多了或少了一位，例如`from: 2300000`，而`to: 230199`。
    .solution-1 = 把较小的数写作`from`，较大的数写作`to`。对于负数错误码，离零更远的那个更小：`from: -10`，`to: -1`。

code-217 = 两个模块拥有的区间重叠
    .description = 同一编号空间中的两个模块拥有相互重叠的区间。`owns`中的区间只属于一个模块，这样其他模块在其中定义错误码时就会报错。
    .cause-1 = 把某个区间复制到了第二个模块，或者两个区间不断扩大，最终发生重叠。
    .cause-2 = 两个模块各自独立编号，但没有用`namespace`加以区分。
    .solution-1 = 缩小其中一个区间，使每个数字至多属于一个模块。
    .solution-2 = 如果两个模块的错误码属于不同的编号空间，请为它们设置不同的`namespace`：不同命名空间的模块可以拥有重叠的区间。但在整个目录中，每个错误码仍只能定义一次。

code-218 = 常量名已被占用
    .description = 某个错误码的常量名已经是另一个错误码的名称。常量名在整个目录中唯一，错误码族生成的名称也包括在内。附带的note指向该名称第一次使用的位置。
    .cause-1 = 复制错误码后没有修改`name`。
    .cause-2 = 该名称与前面某个模块中的错误码族为另一个错误码生成的名称相同。（如果错误码族在同一个模块或后面的模块中，errdoc会在错误码族的名称模式处报告E0223。）
    .solution-1 = 为其中一个错误码换一个名称。如果两个条目其实是同一个错误码，只保留其中一个（见E0225）。

code-219 = 错误码名称不是常量名
    .description = 错误码的`name`不是常量名：常量名只能由大写ASCII字母、数字和`_`组成，并以字母开头。导出和搜索都把该名称当作常量使用。
    .cause-1 = 名称中含有小写字母、`-`、空格或点：`Abnormal_Closure`、`ABNORMAL-CLOSURE`。
    .cause-2 = 名称以数字或`_`开头：`1006_ABNORMAL`。
    .solution-1 = 用大写字母和`_`书写：`ABNORMAL_CLOSURE`。

code-220 = 错误码不在所属模块的区间内
    .description = 模块用`owns`声明了属于它的数字区间，而它定义的某个错误码不在其中任何一个区间内。报错信息会列出该模块的区间。
    .cause-1 = 错误码放错了模块。
    .cause-2 = 错误码输错了，例如多了一位数字。
    .cause-3 = 模块的错误码已经超出了它拥有的区间。
    .solution-1 = 将该条目移到拥有该数字的模块，或者修正错误码。
    .solution-2 = 如果该错误码确实属于这个模块，请扩大它的`owns`，或者再添加一个区间。

code-221 = 错误码的版本为空
    .description = 错误码的`since`或`deprecated`为空或只有空格。这两个字段给出错误码开始支持或废弃时的版本，页面会在“版本”部分显示它们。
    .cause-1 = 写了`since: ""`或`deprecated: ""`作为占位。
    .solution-1 = 写上版本：`since: "API version 12"`。
    .solution-2 = 如果不清楚版本，请删除该字段。

code-222 = 错误码与自身相关
    .description = 某个错误码在`related`中列出了它自己。相关错误码用于引导读者查看其他错误码。
    .cause-1 = 从相邻的错误码复制了列表，而那个错误码列出了本错误码。
    .solution-1 = 从`related`中删除该错误码自己。

code-223 = 错误码族的名称模式生成了已被占用的名称
    .description = 错误码族的名称模式为它生成的某个错误码所产生的常量名，已经是另一个错误码的名称。errdoc对每个名称模式只报告一次：第一处冲突，以及该错误码族还有多少个错误码冲突。附带的note指向最先使用该名称的错误码。
    .cause-1 = 手写的错误码使用的名称，也被错误码族生成给了另一个数字：2301004名为`SOCKET_EINTR`，而另一个名称模式为`SOCKET_{"{"}name{"}"}`的错误码族为2301204也生成了`SOCKET_EINTR`。
    .cause-2 = 两个错误码族使用了相同的名称模式（或会生成相同名称的模式），而它们的表中有相同的名称。
    .solution-1 = 为该错误码族设置专属的名称模式，如`TLS_SOCKET_{"{"}name{"}"}`，使它生成的名称都不与其他错误码重复。
    .solution-2 = 或者重命名另一个错误码。

code-224 = 相关错误码不存在
    .description = 某个错误码在`related`中列出了目录中不存在的错误码。相关错误码可以是目录中的任何错误码，包括错误码族生成的错误码。
    .cause-1 = 错误码输错了。
    .cause-2 = 相关错误码已被删除或重新编号，或者它原是错误码族的成员，而表中已没有对应的条目。
    .solution-1 = 修正该错误码，或者把它从`related`中删除。

code-225 = 错误码重复定义
    .description = 两个条目用`code:`定义了同一个错误码。在整个目录中，每个错误码只能定义一次，不论模块和命名空间。附带的note指向第一次定义的位置。
    .cause-1 = 复制条目后没有修改错误码。
    .cause-2 = 该错误码在两个页面上都有介绍，而两个模块都用`code:`定义了它。
    .solution-1 = 如果两个条目是同一个错误码，请只在它所属的模块中保留`code:`条目，在另一个页面用`also:`加错误码列出它。
    .solution-2 = 如果它们是不同的错误码，请为其中一个换一个新的编号。

code-226 = 错误码与错误码族成员冲突
    .description = 某个手写的错误码与另一个模块中错误码族生成的错误码编号相同。手写条目只有在错误码族所在的模块中才会取代生成的成员；在其他任何模块中，二者都是对同一个编号的两次定义。
    .cause-1 = 在错误码族以外的模块中手写了该错误码，例如为了在那个页面上介绍它。
    .cause-2 = 错误码输错了，恰好与错误码族的某个成员相同。
    .solution-1 = 将该条目移到错误码族所在的模块：在那里，它会以自己的名称、错误信息和文本取代生成的成员。
    .solution-2 = 如需在其他页面也展示该错误码，请在那里用`also:`加错误码列出它。
    .solution-3 = 如果它是另一个错误码，请换一个错误码族不会生成的编号。

code-227 = 错误码族的名称模式缺少占位符
    .description = 错误码族的`name`名称模式中没有`{"{"}name{"}"}`，即放置每个表条目名称的位置。没有它，错误码族的所有错误码都会得到相同的名称。
    .cause-1 = 占位符拼写错误或写法不对：`SOCKET_{"{"}NAME{"}"}`、`SOCKET_$name`或`SOCKET_<name>`。
    .cause-2 = 写的是常量名而不是名称模式，例如`name: SOCKET_ERROR`。
    .solution-1 = 在名称模式中写上小写的`{"{"}name{"}"}`，并加上引号：`name: "SOCKET_{"{"}name{"}"}"`。

code-228 = 错误码族的名称模式生成的不是常量名
    .description = 错误码族的`name`名称模式中有`{"{"}name{"}"}`，但生成的名称不是常量名：除`{"{"}name{"}"}`外，名称模式只能使用大写ASCII字母、数字和`_`，并且必须以字母或`{"{"}name{"}"}`开头。
    .cause-1 = 名称模式中含有小写字母、`-`或空格：`socket_{"{"}name{"}"}`或`SOCKET-{"{"}name{"}"}`。
    .cause-2 = 名称模式以数字或`_`开头：`_{"{"}name{"}"}`。
    .solution-1 = 只使用大写字母、数字、`_`和`{"{"}name{"}"}`：`SOCKET_{"{"}name{"}"}`。

code-229 = 错误码族生成的错误码超出了模块的区间
    .description = 模块用`owns`声明了自己拥有的区间，而它的某个错误码族生成的错误码不在这些区间内。报错信息会给出第一个这样的错误码以及模块的区间。
    .cause-1 = 错误码族的`base`有误，或者模块的区间太窄，容纳不下基数加上表中最大的值。
    .cause-2 = 表中新增了值更大的条目，使生成的错误码超出了模块的区间。
    .solution-1 = 修改`base`，使基数加上表中每个值都落在模块的区间内，或者扩大`owns`。

code-230 = 两个错误码族定义了相同的错误码
    .description = 两个错误码族生成了部分相同的编号，而每个编号只能定义一次。报错信息会给出这两个错误码族、它们共有的错误码数量以及其中的前几个。
    .cause-1 = 两个错误码族的基数相距太近，容纳不下它们的表：例如基数为2301000和2301100，而表中的值超过了100。
    .cause-2 = 复制错误码族后没有修改`base`。
    .solution-1 = 修改其中一个错误码族的`base`，使两者生成的编号不再重叠。

code-231 = 具名区间超出了模块的区间
    .description = 模块`ranges:`下的某个具名区间没有完整地落在模块用`owns`拥有的某一个区间内。报错信息会给出该区间和模块的区间。
    .cause-1 = 区间的`from`或`to`有误。
    .cause-2 = 该区间横跨了`owns`中的两个区间。即使两者合起来能覆盖它，它也必须完整地落在其中一个区间内。
    .solution-1 = 修正该区间，或者扩大`owns`，使其中某个区间能包含整个具名区间。

code-232 = 具名区间中包含错误码
    .description = 模块的某个具名区间中包含同一模块定义或生成的错误码。具名区间用于描述不逐个介绍的数字（例如4000–4999私有使用区间）；其中若有单个错误码，就会被描述两次。
    .cause-1 = 在区间内添加了错误码，例如单独介绍某个私有使用的错误码。
    .cause-2 = 区间比预期的宽，或者模块的某个错误码族在其中生成了错误码。
    .solution-1 = 以该错误码为界拆分区间：在它之前和之后各设一个区间，各自使用自己的id。
    .solution-2 = 或者缩小区间，或者为该错误码换一个区间外的编号。

code-233 = 两个具名区间重叠
    .description = 同一模块的两个具名区间有共同的数字。页面区间表中的每个数字只能属于一个区间。
    .cause-1 = 一个区间的`to`与下一个区间的`from`是同一个数，或者一个区间位于另一个区间之内。
    .solution-1 = 使各区间互不相交：例如写成4000–4499和4500–4999，而不是4000–4500和4500–4999。

code-234 = 未知的参考资料
    .description = 某个错误码、错误码族或区间在`references`中引用的id，没有在目录顶层的`references:`下声明。提示中会列出已声明的id。
    .cause-1 = id拼写错误，例如把`rfc6455-7.4.1`写成了`rfc6455-7.4`。
    .cause-2 = 该参考资料尚未声明，或者已被重命名或删除。
    .solution-1 = 使用提示中列出的id，或者在`references:`下声明该参考资料，写明它的`id`、`title`和`url`。

code-235 = 两个标题使用同一条消息
    .description = 不同模块的两个标题会使用同一条Fluent消息。标题的标题文字和正文是消息`heading-<module>-<heading>`，而有些模块id与标题id的组合会得到相同的消息id：模块`a`的标题`b-c`与模块`a-b`的标题`c`都会得到`heading-a-b-c`。附带的note指向另一个标题。
    .cause-1 = 某个模块的id是另一个模块的id加上`-`和一个词（如`net`和`net-tls`），而较短的那个模块有一个以该词开头的标题：`net`的标题`tls-errors`和`net-tls`的标题`errors`都会得到`heading-net-tls-errors`。
    .solution-1 = 重命名其中一个标题，并在每种语言中重命名它的消息，使每个标题都有自己的消息。

code-236 = 标题级别超出范围
    .description = 目录中的某个标题级别不是它可用的Markdown标题级别：模块的`code_level`必须在2到6之间，标题的`level`必须在1到6之间。级别就是`#`的个数：1是页面标题，2是`##`。
    .cause-1 = 级别为0，或者大于6。
    .cause-2 = 设置了`code_level: 1`，但错误码不能是1级标题，1级是页面标题。
    .solution-1 = 按标题中`#`的个数填写：`##`写2，`###`写3。位于`##`标题下的错误码应设置`code_level: 3`。

code-237 = 标记不是一个单词
    .description = 错误码或列出条目的`marker`不是一个由ASCII字母和数字组成的单词。标记会用注释包住错误码的章节，之前是`<!--Del-->`，之后是`<!--DelEnd-->`，因此必须能放进注释中。
    .cause-1 = 标记连同注释一起写了进去，或者含有其他字符：`marker: "<!--Del-->"`、`marker: Del End`或`marker: RP-1`。
    .cause-2 = 标记为空：`marker: ""`。
    .solution-1 = 只写单词本身：`marker: Del`。

code-238 = 错误信息偏差使用的不是语言标签
    .description = 错误码或列出条目的`message_drift`下的某个键，不是errdoc命名语言所用的语言标签，即规范写法的BCP 47标签，与`locales/`下的文件夹名称一致。
    .cause-1 = 标签中使用了`_`、空格或错误的大小写：`zh_CN`、`zh-cn`。
    .solution-1 = 写`locales/`下该语言的文件夹名称：`zh-CN`。

code-239 = 错误信息偏差指定了未知的语言
    .description = `message_drift`下的某个键是合法的语言标签，但项目中没有该语言：`locales/`下没有同名文件夹。errdoc不会比较该偏差。这是警告：构建仍会成功。
    .cause-1 = 标签输错了，例如把`zh-CN`写成了`zh-TW`。
    .cause-2 = 该语言已从`locales/`中删除，或者尚未添加。
    .solution-1 = 修正标签，使其与`locales/`下的某个文件夹对应，或者从`message_drift`中删除该语言。
    .solution-2 = 如果项目应当包含该语言，请用`errdoc l10n add`加上语言标签添加它。

code-240 = 错误信息偏差已消除
    .description = `message_drift`为某种语言记录的错误信息，现在与目录中的`message`（对于列出条目，则是该错误码自身条目中的信息）相同，因此已不存在偏差。这是警告：构建仍会成功，页面显示的错误信息也不受影响。
    .cause-1 = 目录中的`message`已改为页面上显示的内容，而偏差记录没有删除。
    .solution-1 = 从`message_drift`中删除该语言；`message_drift`中没有内容后，将它也一并删除。

code-241 = 页面显示的错误信息不同
    .description = 某种语言的页面显示的错误信息与目录中的`message`不同，`message_drift`记录了这一差异。页面会继续显示原来的内容；errdoc发出警告，以便有人判断哪一个才是正确的。这是警告：构建仍会成功。附带的note指向目录中的错误信息；如果错误码没有错误信息，报错信息中显示为`none`。
    .cause-1 = 以该语言导入的页面显示了不同的错误信息（拼写错误、旧的措辞或翻译过的信息），`errdoc import`将其保留为`message_drift`。
    .cause-2 = 在目录中的错误码或列出条目上手动写了偏差。
    .solution-1 = 错误信息是API实际返回的原文：请确认哪一个是正确的；如果页面上的正确，请修改目录中的`message`。然后从`message_drift`中删除该语言，页面就会重新显示目录中的错误信息。
    .solution-2 = 在此之前，该警告会一直存在，`errdoc l10n status`也会把该错误码列为偏差（drift）。只有使用`--deny-warnings`时，检查才会因此失败。

code-242 = 模块重复列出错误码
    .description = 某个模块用`also:`把同一个错误码列出了两次。页面上每个错误码只显示一次。附带的note指向第一次列出的位置。
    .cause-1 = 重复添加了列出条目，例如复制了一组列出条目。
    .solution-1 = 删除两个`also:`条目中的一个，保留位于页面上该错误码应在位置的那个。

code-243 = 模块列出了未定义的错误码
    .description = 某个模块用`also:`列出的错误码，没有任何模块定义，既没有用`code:`定义，也不是错误码族生成的。
    .cause-1 = 错误码输错了。
    .cause-2 = 该错误码的条目已被删除或重新编号，或者从未写过。
    .cause-3 = 该错误码本应在此定义：`also:`只能列出在其他地方定义的错误码。
    .solution-1 = 在错误码所属的模块中用`code:`定义它，并写上`name:`和`message:`；或者修正错误码；或者删除该列出条目。

code-244 = 模块列出了自己定义的错误码
    .description = 某个模块用`also:`列出了它自己定义的错误码，无论是用`code:`定义的，还是它的错误码族生成的。列出条目用于其他模块定义的错误码；本页面已经展示了该错误码。
    .cause-1 = 错误码移到了本模块，而原来用于在此展示它的列出条目被遗留了下来。
    .cause-2 = 本意是让该错误码显示在页面的另一个位置。
    .solution-1 = 删除该`also:`条目。如需把错误码显示在页面的另一个位置，请把它的`code:`条目移到那里。

code-245 = 错误码位于其他模块拥有的区间内
    .description = 某个模块定义的错误码，位于同一编号空间中另一个模块用`owns`拥有的区间内，该编号属于那个模块。报错信息会列出另一个模块的区间。
    .cause-1 = 错误码放错了模块，或者编号输错了。
    .cause-2 = 该错误码属于另一个模块，但本模块的页面上也要介绍它。
    .cause-3 = 另一个模块的`owns`比应有的范围宽。
    .solution-1 = 将该错误码的条目移到拥有该编号的模块；如果本页面也要展示它，请在这里用`also:`列出。
    .solution-2 = 或者缩小另一个模块的`owns`。
    .solution-3 = 如果两个模块各自独立编号，请为它们设置不同的`namespace`。但在整个目录中，每个编号仍只能定义一次。

code-246 = 名称在Rust中是关键字
    .description = `errdoc export --format rust`会把每个常量名转换为驼峰式（CamelCase）的枚举变体（`ABNORMAL_CLOSURE`变为`AbnormalClosure`），而这个名称会变成`Self`，它是Rust关键字，不能用作变体。无论是否导出为Rust，errdoc都会对每个项目进行这项检查。对于错误码族的名称模式，它只报告第一个这样的名称，以及该模式还会生成多少个。
    .cause-1 = 某个错误码名为`SELF`，或者错误码族的名称模式只有`{"{"}name{"}"}`，而其表中有名为`SELF`的条目。
    .solution-1 = 为该错误码换一个名称，例如加上前缀：`APP_SELF`。对于错误码族，请为名称模式加上前缀。

code-247 = 两个名称在Rust中相同
    .description = 两个不同的常量名会变成同一个Rust枚举变体。Rust导出把名称写成不含`_`的驼峰式，因此仅在数字前的`_`上有差别，或仅在重复、末尾的`_`上有差别的名称，会得到同一个变体：`ERROR_1`和`ERROR1`都会变成`Error1`。errdoc会对每个项目进行这项检查。附带的note指向两个名称中的第一个。
    .cause-1 = 某个名称与另一个名称的差别仅在于数字前的`_`：`HTTP_2_ERROR`与`HTTP2_ERROR`。
    .cause-2 = 名称中有重复或位于末尾的`_`：`TIMED__OUT`与`TIMED_OUT`，或`TIMEOUT_`与`TIMEOUT`。
    .solution-1 = 为其中一个错误码换一个名称，使二者在字母或数字上有所不同，而不只是`_`不同。

code-248 = 名称是C标准库的宏
    .description = `errdoc export --format c`会把每个常量名加上前缀`site.export_prefix`（默认为`ERRDOC_`）后定义为宏，而在本项目的前缀下这个名称已经是ISO C标准库中的宏，例如`<stdio.h>`中的`EOF`或`<errno.h>`中的`ERANGE`。同时包含这两个头文件的程序会得到两个定义。报错信息会给出对应的头文件。errdoc会对每个项目进行这项检查；对于错误码族的名称模式，它只报告第一个这样的名称，以及该模式还会生成多少个。
    .cause-1 = 错误码族的名称模式只有`{"{"}name{"}"}`、没有前缀，而它的表中有`EDOM`、`ERANGE`或`EILSEQ`等errno名称。
    .cause-2 = 错误码以常见的常量命名，如`EOF`、`NULL`、`INT_MAX`或`SIZE_MAX`。
    .solution-1 = 把`site.export_prefix`设为一个前缀（`APP_`），或者不写它而使用`ERRDOC_`：C导出会把它加在每个名称之前。
    .solution-2 = 或者为该错误码换一个名称，例如加上前缀：`APP_EOF`。对于错误码族，请为名称模式加上前缀：`SOCKET_{"{"}name{"}"}`。

code-249 = 同义词组不足两个词
    .description = `site.synonyms`按语言标签或语言列出意思相同的词组，使网站搜索用其中任何一个词都能找到错误码，例如`en: [[refused, rejected]]`。只有一个词（或只有空词）的词组没有意义，errdoc不会把它放进搜索索引。
    .cause-1 = 词组只写了一个词，如`en: [refused]`，或其中有空词，如`[refused, ""]`。
    .solution-1 = 为词组补上意思相同的词，如`[refused, rejected]`，或删除该词组。

code-250 = 源码URL不是项目文件的URL
    .description = `site.source_url`告诉errdoc项目文件在其代码仓中显示的位置，使翻译状态页面可以把每个待处理的字符串链接到它在`.ftl`文件中的行。它是一个绝对的`http://`或`https://`地址，用`{"{"}path{"}"}`表示文件路径（`locales/zh-CN/socket.ftl`）所在的位置，还可以用`{"{"}line{"}"}`表示行号所在的位置。
    .cause-1 = 地址中没有`{"{"}path{"}"}`，例如代码仓的首页`https://github.com/org/repo`。
    .cause-2 = 地址是相对地址，或其中有空格、引号或尖括号。
    .solution-1 = 按代码仓托管平台显示文件的方式，写出带占位符的文件地址：GitHub为`https://github.com/org/repo/blob/main/{"{"}path{"}"}#L{"{"}line{"}"}`，Gitee为`https://gitee.com/org/repo/blob/master/{"{"}path{"}"}#L{"{"}line{"}"}`，GitLab为`https://gitlab.com/org/repo/-/blob/main/{"{"}path{"}"}#L{"{"}line{"}"}`。

code-251 = 导出前缀无法作为C名称的开头
    .description = `site.export_prefix`是`errdoc export --format c`加在头文件中每个名称之前的前缀：加在每个错误码的宏之前（`NET_ABNORMAL_CLOSURE`），也加在头文件自身的名称（以小写结尾）之前（`NET_message()`、包含保护宏`NET_codes_h`），使它们不与其他头文件的名称冲突。它必须能构成C标识符：ASCII字母、数字和`_`，以字母开头（C保留以`_`加大写字母或以两个`_`开头的名称）。空前缀（`""`）保留错误码名称原样。
    .cause-1 = 前缀中有`-`、`.`、空格或非ASCII字母，例如`net-`。
    .cause-2 = 前缀以数字或`_`开头。
    .solution-1 = 写一个如`NET_`这样的前缀，或者不写`export_prefix`而使用`ERRDOC_`。`errdoc export --format c --prefix`可以为单次导出覆盖它。

code-252 = 模块页面的名称与errdoc生成的页面相同
    .description = 网站中每种语言的文件夹里，除模块页面外还有errdoc自己生成的三个页面：`index.html`（首页）、`status.html`（翻译状态）和`changes.html`（自`site.changes_since`以来的变更）；Markdown页面中还有`changes.md`。`page`为`index`、`status`或`changes`的模块会覆盖其中一个页面，或被其覆盖。
    .cause-1 = 给模块起了一个简短的页面名称，例如为状态码模块写了`page: status`。
    .solution-1 = 换一个页面名称，例如按照文档风格写作`errorcode-status`。

