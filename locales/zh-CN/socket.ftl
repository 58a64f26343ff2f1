### errdoc：Socket错误码（模块`socket`），简体中文。
### 来源：OpenHarmony“Socket 错误码”页面（seed 002），已修正原文笔误。
### API返回的错误信息原文保留英文，位于catalog/codes.yaml，不在本文件中。

module-socket = Socket 错误码
    .note = 以下仅介绍本模块特有错误码，通用错误码请参考[通用错误码说明文档](../errorcode-universal.md)。

## TCP/UDP socket：2301000 + errno

code-2301001 = 操作不允许
    .description = 操作不允许。
    .cause-1 = 非法操作。
    .solution-1 = 检查操作步骤。

code-2301002 = 文件不存在
    .description = 文件不存在。
    .cause-1 = 文件不存在。
    .solution-1 = 检查文件名或文件路径。

code-2301003 = 进程不存在
    .description = 进程不存在。
    .cause-1 = 进程不存在
    .solution-1 = 排查进程信息。

code-2301004 = 系统调用中断
    .description = 系统调用中断。
    .cause-1 = 系统调用中断。
    .solution-1 = 排查系统调用。

family-socket-errno = 其他TCP/UDP Socket错误码
    .rule-label = TCP/UDP 错误码说明：
    .rule = TCP/UDP Socket其余错误码映射形式为：{ $base } + Linux系统内核错误码errno，关键信息请参考Linux系统内核错误码。
    .description = TCP/UDP socket操作失败，Linux系统内核错误码为`{ $name }`（{ $value }）：{ $message }。
    .cause-1 = 底层套接字系统调用失败，errno被置为`{ $name }`（{ $value }），因此上报错误码{ $code }。
    .solution-1 = 请参考Linux系统内核错误码errno中`{ $name }`的说明，排除问题后重试。

## 系统内部错误

code-2300002 = 系统内部错误
    .description = 系统内部错误。
    .cause-1 = 内存异常。
    .cause-2 = 空指针。
    .solution-1 = 检查内存空间是否充足，清理内存后重试。
    .solution-2 = 系统异常，请稍后重试或重启设备。

## TLS socket：2303100 + errno

code-2303104 = 中断系统调用
    .description = 中断系统调用。
    .cause-1 = 调用connect时，可能会导致阻塞时间过长，所以系统产生中断信号，返回EINTR错误。
    .solution-1 = 尝试重新走网络连接流程。

code-2303109 = 错误文件编号
    .description = 在本地关闭的套接字上进行操作将返回该错误。
    .cause-1 = 套接字fd可能被关闭了，所以发生参数无效的错误。
    .solution-1 = 检查套接字是否被意外关闭。

code-2303111 = 资源暂时不可用，请重试
    .description = 系统资源暂时不可用，尝试再次调用。
    .cause-1 = 系统资源繁忙。
    .solution-1 = 重新调用接口。

code-2303188 = 非套接字的套接字操作
    .description = 参数`socket`未指定一个套接字描述符。
    .cause-1 = 参数不是套接字类型的描述符。
    .solution-1 = 检查代码描述符的获取是否正确。

code-2303191 = 套接字协议类型错误
    .description = 参数设置的协议类型错误。
    .cause-1 =
        标识了协议的套接字函数在不支持的套接字上进行操作。
        如Internet UDP协议不能被标识为SOCK_STREAM套接字类型。
    .solution-1 = 检查参数设置是否符合协议类型。

code-2303198 = 网络地址已被使用
    .description = 地址已被使用。
    .cause-1 = 如果应用程序试图将套接字绑定到已用于现有套接字的IP地址/端口，或未正确关闭的套接字，或仍在关闭过程中的套接字，则会发生此错误。
    .solution-1 = 尝试其他地址。

code-2303199 = 不能分配请求的地址
    .description = 请求的地址在其上下文中无效。
    .cause-1 = 当远程地址或端口对远程计算机无效时，可能发生该问题。
    .solution-1 = 检查地址或端口是否正确。

code-2303210 = 连接超时
    .description = 长时间不能和远程服务器建立连接。
    .cause-1 = 这种情况一般发生在服务器主机崩溃。
    .solution-1 = 本地处理不了，需要确认远程服务器是否发生问题。

family-tls-socket-errno = 其他TLS Socket错误码
    .rule = TLS Socket其余错误码映射形式为：{ $base } + Linux系统内核错误码errno，关键信息请参考Linux系统内核错误码。
    .description = TLS socket操作失败，Linux系统内核错误码为`{ $name }`（{ $value }）：{ $message }。
    .cause-1 = TLS socket底层的套接字系统调用失败，errno被置为`{ $name }`（{ $value }），因此上报错误码{ $code }。
    .solution-1 = 请参考Linux系统内核错误码errno中`{ $name }`的说明，排除问题后重新发起连接或重试操作。

## TLS：2303500 + SSL_get_error()的返回值

code-2303501 = SSL为空
    .description = 参数错误。
    .cause-1 = 当内部发生函数执行失败时，会获取错误信息，当获取信息为null时，发生该错误。
    .solution-1 = 尝试重新执行一遍流程。

code-2303502 = tls读取错误
    .description = 等待套接字可读。
    .cause-1 = 底层套接字阻塞。
    .solution-1 = 重新执行接收数据的操作。

code-2303503 = tls写入错误
    .description = 等待套接字可写。
    .cause-1 = 发送端缓冲区已满时，底层套接字发送将给出EWOULDBLOCK错误，这意味着服务器没有读取从客户端发送的消息。
    .solution-1 = 需要检查服务器并修复它。

code-2303504 = 查找x509时出错
    .description = 认证x509证书发生错误，操作未完成。
    .cause-1 = 本地证书和服务器证书不匹配。
    .solution-1 = 检查本地CA根证书和服务器证书是否匹配。

code-2303505 = tls系统调用错误
    .description = 发生了一些不可恢复的致命I/O错误。
    .cause-1 = 网络问题，导致通信失败。
    .solution-1 = 请参阅Linux系统内核错误码errno以了解详细信息。

code-2303506 = 清除tls连接出错
    .description = TLS/SSL连接已关闭。
    .cause-1 = 协议中出现关闭警报时，即连接已完全关闭时，才会返回此结果代码。
    .solution-1 = 尝试重新发起连接。

family-tls-ssl-error = 其他TLS错误码
    .rule = TLS其余错误码映射形式为：{ $base } + OpenSSL `SSL_get_error()`的返回值。
    .description = TLS操作失败，`SSL_get_error()`返回`{ $name }`（{ $value }）：{ $message }。
    .cause-1 = OpenSSL对当前TLS/SSL操作返回了`{ $name }`（{ $value }），因此上报错误码{ $code }。
    .solution-1 = 请参考OpenSSL `SSL_get_error()`文档中`{ $name }`的说明，排除问题后重试。
