module-socket = Socket错误码
    .note = 以下仅介绍本模块特有错误码。

code-2301004 = 系统调用中断
    .description = 系统调用被中断。
    .cause-1 = 调用`connect`时收到信号。
    .solution-1 = 重试该调用。

family-socket-errno = 其他Socket错误码
    .rule = 其余Socket错误码为：{ $base } + errno。
    .description = socket调用失败，错误为{ $name }（{ $value }）：{ $message }。
    .cause-1 = 系统调用返回{ $name }，上报为{ $code }。
    .solution-1 = 在errno(3)中查找{ $name }。
