# Simplified Chinese messages of the ssl-error table in catalog/codes.yaml (OpenSSL SSL_get_error() results).

ssl-error-SSL_ERROR_SSL = SSL库内部发生错误
ssl-error-SSL_ERROR_WANT_READ = 操作未完成；需等待套接字变为可读
ssl-error-SSL_ERROR_WANT_WRITE = 操作未完成；需等待套接字变为可写
ssl-error-SSL_ERROR_WANT_X509_LOOKUP = 操作未完成；证书回调函数要求再次被调用
ssl-error-SSL_ERROR_SYSCALL = 发生了不可恢复的I/O错误
ssl-error-SSL_ERROR_ZERO_RETURN = TLS/SSL对端已关闭连接的写方向
