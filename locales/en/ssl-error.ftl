# The English of the table `ssl-error` in catalog/codes.yaml, for translation platforms.
# Written by `errdoc l10n sync`: edit the catalog's `message`, then sync.

ssl-error-SSL_ERROR_SSL = A failure in the SSL library occurred
ssl-error-SSL_ERROR_WANT_READ = The operation did not complete; the socket must become readable
ssl-error-SSL_ERROR_WANT_WRITE = The operation did not complete; the socket must become writable
ssl-error-SSL_ERROR_WANT_X509_LOOKUP = The operation did not complete; the certificate callback asked to be called again
ssl-error-SSL_ERROR_SYSCALL = A non-recoverable I/O error occurred
ssl-error-SSL_ERROR_ZERO_RETURN = The TLS/SSL peer has closed the connection for writing
