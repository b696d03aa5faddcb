// KeychainSecretStore: sessions in the OS keychain through QtKeychain (the Secret Service on Linux,
// Keychain on macOS, the Credential Store on Windows), under the service name "Auth Studio".
#pragma once

#include "SecretStore.h"

namespace AuthStudio {

class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(const QString &service = QStringLiteral("Auth Studio"),
                                 QObject *parent = nullptr);

    QString description() const override { return QStringLiteral("the OS keychain"); }
    bool isPersistent() const override { return true; }
    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QByteArray &data, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

private:
    QString m_service;
};

} // namespace AuthStudio
