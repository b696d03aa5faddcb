// MemorySecretStore: sessions kept in this process only. Used when no keychain is reachable (the user is
// told once) and by tests.
#pragma once

#include "SecretStore.h"

#include <QHash>

namespace AuthStudio {

class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    QString description() const override { return QStringLiteral("memory (this process only)"); }
    bool isPersistent() const override { return false; }
    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QByteArray &data, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

    int size() const { return int(m_data.size()); }

private:
    QHash<QString, QByteArray> m_data;
};

} // namespace AuthStudio
