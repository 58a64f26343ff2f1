# errdoc's own errors E0101–E0117: the catalog file and the shape of its entries.

module-catalog = 目录文件
    .note = 本页介绍`catalog/codes.yaml`文件本身的错误：文件是否存在、YAML语法，以及各条目和字段的结构。每条错误都会给出文件名，能定位时还会给出行号和列号。E0102至E0109会使errdoc无法继续读取目录，因此一次只报告其中的第一个：修复后请再次运行`errdoc check`，查看是否还有其他错误。

code-101 = 目录缺失
    .description = errdoc在项目文件夹中找不到`catalog/codes.yaml`。所有错误码都定义在目录中，没有它，errdoc就无从检查或构建。
    .cause-1 = 在项目文件夹之外运行了errdoc。未指定`--root`时，当前文件夹即为项目文件夹。
    .cause-2 = 目录文件的名称或位置不对，例如写成了`catalog/codes.yml`，或者`codes.yaml`放在项目的根文件夹中，而不是`catalog/`中。
    .cause-3 = 项目是新建的，还没有目录。
    .solution-1 = 在包含`catalog/`的文件夹中运行errdoc，或者用`--root`指定该文件夹：`errdoc --root docs/errors check`。
    .solution-2 = 将文件重命名或移动为`catalog/codes.yaml`。
    .solution-3 = 如需新建项目，请运行`errdoc init <folder>`，它会创建该文件夹，并生成一个待填写的目录。

code-102 = YAML语法错误
    .description = `catalog/codes.yaml`在所示位置不是合法的YAML。报错信息由YAML解析器给出，例如`unclosed quote`或`mapping values are not allowed in this context`。错误出在这一行或它之前的某一行。errdoc读到这里就停止读取目录。
    .cause-1 = 缩进有误：同一条目的各字段没有从同一列开始，或者某行用制表符缩进（YAML只允许用空格缩进）。
    .cause-2 = 引号、`[`或`{"{"}`没有闭合，例如`message: "Connection refused`缺少结尾的引号。
    .cause-3 = 未加引号的值中含有`: `，或者以YAML保留的字符开头，如反引号、`@`、`*`或`&`，例如`message: Error: bad request`。
    .cause-4 = 数值超出了字段允许的范围，例如标题的`level`大于255，此时报错信息为`invalid u8`。
    .solution-1 = 检查所示的行及其之前的几行：用空格对齐每个条目的字段，并闭合所有引号和括号。
    .solution-2 = 值中含有`: `或以特殊字符开头时，请用双引号括起来：`message: "Error: bad request"`。

code-103 = 未知字段
    .description = 目录中的某个条目在该位置含有errdoc不认识的字段。报错信息会给出该字段，并列出此处允许的字段。目录的每个部分只接受自己的字段，因此拼错的字段会报错，而不会被悄悄忽略。
    .cause-1 = 字段名拼写错误，例如`mesage:`或`nmae:`。
    .cause-2 = 字段缩进层级不对，因而归到了目录的另一部分，例如错误码的`name:`与所在模块的字段缩进相同。
    .cause-3 = 字段写错了位置，例如把`owns:`写在错误码下，而不是所属模块下。
    .solution-1 = 参照报错信息列出的字段名修正拼写。
    .solution-2 = 将字段移到正确的位置和缩进层级，或者删除它。errdoc的README.md中“The catalog”一节给出了每个字段应在的位置。

code-104 = 缺少必需字段
    .description = 某个条目缺少必须具备的字段。报错信息会给出该字段。
    .cause-1 = 遗漏了该字段。模块需要`id`和`page`；参考资料需要`id`、`title`和`url`；表需要`id`，表中每个条目需要`value`、`name`和`message`；错误码族需要`id`、`base`、`table`和`name`；区间需要`from`和`to`，`ranges:`下的具名区间还需要`id`。
    .cause-2 = 写在一行内的条目（`- `后接花括号括起的字段）在编辑时丢失了某个字段。
    .solution-1 = 在错误所指的条目中补上报错信息给出的字段，例如为模块添加`page: errorcode-net-socket`。

code-105 = 取值不在允许范围内
    .description = 某个只接受固定几种取值的字段使用了其他值。报错信息会列出该字段接受的取值。
    .cause-1 = `flags:`中的标志拼写错误。可用的标志是`reserved`和`never-sent`，中间是连字符（不是`never_sent`，也不是`never-send`）。
    .cause-2 = `style`中的`family`选项既不是`rule`也不是`table`。
    .solution-1 = 严格按照报错信息列出的取值填写：`flags: [never-sent]`。

code-106 = 键重复
    .description = 目录中的同一个映射里出现了两个相同的键，例如一个条目中有两行`message:`。YAML不允许这样写，errdoc也无法判断以哪一个为准。
    .cause-1 = 同一条目中某个字段写了两次，例如从其他条目复制了几行。
    .cause-2 = 缺少开始新条目的`- `，两个条目的字段连在了一起，例如一个条目中出现了两次`code:`。
    .cause-3 = 文件中顶层的`modules:`、`tables:`等部分出现了两次，或者错误码的`message_drift`下同一种语言出现了两次。
    .solution-1 = 保留其中一个，删除另一个，或者将两者合并。
    .solution-2 = 如果是两个条目连在了一起，请在第二个条目前加上`- `，例如`- code: 1007`。

code-107 = 值的类型错误
    .description = 字段中的值不是它能接受的类型：该写数字的地方写了文本，该写列表的地方写了单个值，或者相反。提示中会说明该字段接受什么。
    .cause-1 = 错误码不是整数，例如`code: 1.5`或`code: 100A`。错误码可以是负数（`-1`），也可以很长，但不能是小数或文本。
    .cause-2 = 表条目的`value`是负数、不是整数，或者大于4294967295。
    .cause-3 = 接受列表的字段只写了单个值：写成了`related: 1006`，而不是`related: [1006]`。
    .cause-4 = 应写字段的位置写成了单个值或列表，例如`codes:`中的条目写成了`- 1006`，而不是`- code: 1006`；或者写成了`metadata: Network Kit`，而不是在`metadata:`下写`kit: Network Kit`。
    .cause-5 = 接受文本的字段写成了列表或映射，例如`name: [A, B]`。
    .solution-1 = 按提示写出该字段接受的值，例如`related: [1006, 1011]`，条目则写成`- code: 1006`。
    .solution-2 = 如果文本可能被YAML当作列表或映射（例如以`[`开头），请用双引号括起来。

code-108 = 缺少值
    .description = 某个字段的冒号后面什么也没写，但该字段需要一个值。YAML把空值读作null，而该字段不能为null。
    .cause-1 = 必需的值被遗漏或尚未填写，例如某一行只有`page:`或`title:`。
    .solution-1 = 在冒号后写上值：`page: errorcode-net-socket`。
    .solution-2 = 如果该字段是可选的，也可以删除整行。必需字段（如模块的`page`）必须有值，删除后会报E0104。

code-109 = 目录包含多个YAML文档
    .description = `catalog/codes.yaml`中包含不止一个YAML文档。文件中间的`---`行表示开始一个新文档，而errdoc只把目录当作一个文档来读取。
    .cause-1 = 文件中间有一行`---`，例如把两个目录或一个目录的两部分粘贴到了一起。
    .cause-2 = `...`行之后还有内容，而`...`表示YAML文档结束。
    .solution-1 = 删除`---`（或`...`）行，并将其后的内容合并到同一个文档中，使文件中只有一个`modules:`，`site:`、`references:`和`tables:`也各至多一个。文件第一行单独的`---`是允许的。

code-110 = 条目同时属于多种类型
    .description = 模块`codes:`中的某个条目同时含有`code:`、`also:`、`heading:`中的两个或三个。每个条目只能是其中一种：在此定义的错误码（`code:`），由其他模块定义、在本页面同时列出的错误码（`also:`），或者页面中不是错误码的标题（`heading:`）。errdoc会忽略该条目。
    .cause-1 = 缺少开始新条目的`- `，标题与其下方的错误码连成了一个条目。
    .cause-2 = 把错误码从定义改为列出（或者相反）时，保留了原来的字段：`code: 2300002`与`also: 2300002`并存。
    .solution-1 = 在该条目中只保留三个字段之一，其余的用`- `另起新条目：一行写`- heading: tls`，另一行写`- code: 2303100`。

code-111 = 标题含有错误码的字段
    .description = 含有`heading:`的条目带有标题不能有的字段。这种条目是页面中不是错误码的标题，只接受`level`。它的标题文字和正文不写在目录中，而是写在Fluent消息`heading-<module>-<id>`及其`.text`属性中。
    .cause-1 = 为了给标题加上标题文字或正文，添加了错误码的字段，如`name:`或`message:`。
    .cause-2 = 标题带有`marker:`，而只有错误码和列出条目才接受它。
    .solution-1 = 删除该字段，并在`locales/`下该模块的文件中写出标题文字和正文：例如模块`socket`的标题`tls`，写作`heading-socket-tls = TLS Error Codes`，并加上`.text`属性。
    .solution-2 = 如果该条目应当是错误码，请把`heading:`换成`code:`，并写上错误码和`name:`。

code-112 = 错误码含有标题级别
    .description = 定义或列出错误码的条目含有`level:`，而只有标题（`heading:`）才接受它。页面中错误码的标题级别由模块的`code_level`统一设置。
    .cause-1 = 为了让错误码位于页面的某个标题之下，在错误码上写了`level: 3`。
    .cause-2 = 该条目原本是标题，改为错误码时保留了`level`。如果是列出条目（`also:`），E0114也会报告同一字段。
    .solution-1 = 从条目中删除`level`。如需让页面中的所有错误码都成为`##`标题下的`###`标题，请在模块上设置`code_level: 3`。

code-113 = 错误码没有名称
    .description = 含有`code:`的条目没有`name:`，或者`name:`后面没有值。每个错误码都需要一个常量名：它在目录中唯一，导出和搜索都会用到它。
    .cause-1 = 漏写了`name:`行，或者漏写了它的值。
    .cause-2 = 该条目本意是展示其他模块定义的错误码：这种条目应使用`also:`而不是`code:`，而且不需要名称。
    .solution-1 = 添加一个由大写字母、数字和`_`组成、以字母开头的常量名：`name: MY_ERROR`。
    .solution-2 = 如果该错误码由其他模块定义，请用`also:`加错误码代替`code:`。

code-114 = 列出条目含有错误码的字段
    .description = 含有`also:`的条目列出了由其他模块定义的错误码，却带有属于该错误码自身条目的字段，如`name`、`message`、`references`或`related`。列出条目按错误码所属模块中的定义来展示它，只接受`marker`和`message_drift`。
    .cause-1 = 把错误码列到第二个页面时，连同它的字段一起复制了过来。
    .cause-2 = 由于错误码改由其他模块定义，把`code:`改成了`also:`，但保留了其他字段。
    .cause-3 = 列出条目含有`level:`，E0112也会报告该字段。
    .solution-1 = 从列出条目中删除该字段。如果错误码本身的条目有误，请在定义它的模块中修改。
    .solution-2 = 如果本页面显示的错误信息与错误码自己的页面不同，请按语言记录在该列出条目的`message_drift`下，而不是写`message`。
    .solution-3 = 如需在本页面使用该错误码自己的文本，请编写Fluent消息`code-<number>-on-<module>`，而不是在目录中添加字段。

code-115 = 条目类型不明
    .description = 模块`codes:`中的某个条目既没有`code:`，也没有`also:`或`heading:`，errdoc无法判断它是什么，因此不会把它放到页面上。
    .cause-1 = 漏写或误删了`code:`行，只剩下`- name: MY_ERROR`这样的条目。
    .cause-2 = 多余的`- `把一个条目的字段拆成了两个，例如错误码下方单独一行的`- marker: Del`。
    .solution-1 = 写`code:`加错误码，在此定义错误码；写`also:`加错误码，列出其他模块定义的错误码；或者写`heading:`加id，作为页面中的标题。
    .solution-2 = 如果这些字段属于上一个条目，请删除多余的`- `，并按该条目其他字段的缩进对齐。

code-116 = 错误码族引用了未知的表
    .description = 错误码族的`table:`指定的表没有在目录的`tables:`下声明。错误码族为表中每个条目生成一个错误码，没有表就什么也生成不了。提示中会列出已有的表。
    .cause-1 = 表的id拼写错误，例如把`errno`写成了`table: erno`。
    .cause-2 = 该表尚未声明，或者已被重命名或删除。
    .solution-1 = 使用提示中列出的某个表的id。
    .solution-2 = 在顶层的`tables:`下声明该表，写明它的`id`和`entries`。

code-117 = 错误码族生成的错误码过大
    .description = 错误码族的`base`加上其表中某个条目的`value`大于9223372036854775807，即errdoc能表示的最大错误码。errdoc不会生成该成员。
    .cause-1 = 基数位数过多，例如输入时多打了数字。
    .cause-2 = 表中有较大的值（值最大可达4294967295），而基数已接近上限。
    .solution-1 = 使用较小的基数：基数加上表中最大的值不能超过9223372036854775807。
    .solution-2 = 检查表中的值，看是否有比预期更大的值。
