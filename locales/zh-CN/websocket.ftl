### errdoc：WebSocket错误码（模块`websocket`），简体中文译文。
### 译自OpenHarmony Network Kit英文页面“WebSocket Error Codes”（seed 000）。
### API返回的错误信息原文保留英文，位于catalog/codes.yaml，不在本文件中。

module-websocket = WebSocket错误码
    .note = 以下仅介绍本模块特有错误码，通用错误码请参考[通用错误码说明文档](../errorcode-universal.md)。

code-200 = 连接失败
    .description = WebSocket连接失败。
    .cause-1 = 服务器拒绝客户端连接、协议错误、握手失败或证书校验失败。
    .cause-2 = 客户端或服务器断开连接时未返回状态码。
    .solution-1 = 检查协议是否合法、证书校验是否成功。若协议不合法或证书校验失败，重新连接客户端和服务器。

code-2302001 = WebSocket URL错误
    .description = WebSocket URL错误。
    .cause-1 = WebSocket URL不正确。

code-2302002 = WebSocket证书不存在
    .description = WebSocket证书不存在。
    .cause-1 = 证书路径错误或未配置证书。

code-2302003 = WebSocket连接已存在
    .description = WebSocket连接已存在。
    .cause-1 = WebSocket连接已经建立。

code-2302004 = 无法在指定网卡上监听
    .description = WebSocketServer无法在指定的网卡上进行监听。
    .cause-1 = WebSocketServer服务端配置文件中的IP地址无效。
    .solution-1 = 检查网络连接是否正常、IP地址是否有效。

code-2302005 = 无法在指定端口上监听
    .description = WebSocketServer无法在指定的端口上进行监听。
    .cause-1 = WebSocketServer服务端配置文件中的端口号无效。
    .solution-1 = 检查端口号是否有效。

code-2302998 = 不允许访问域名
    .description = 不允许访问此域名。
    .cause-1 = 元服务配置的服务器域名不正确。
    .solution-1 = 为元服务配置正确的服务器域名，具体请参考[网络连接管理](https://developer.huawei.com/consumer/cn/doc/atomic-guides-V5/atomic-net-connection-manager-V5)。

code-2302999 = 内部错误
    .description = 内部错误。
    .cause-1 = 其他系统故障。
