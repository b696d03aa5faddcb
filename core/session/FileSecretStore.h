// FileSecretStore: sessions in files readable only by the user (0600, in a 0700 folder). Only used when
// the user opts in explicitly (--session-store file), never as a silent fallback for a missing keychain.
#pragma once

#include "SecretStore.h"

namespace AuthStudio {

class FileSecretStore : public SecretStore
{
    Q_OBJECT
public:
    // directory: where session files go; created 0700 when missing.
    explicit FileSecretStore(const QString &directory, QObject *parent = nullptr);

    static QString defaultDirectory();
    QString description() const override;
    bool isPersistent() const override { return true; }
    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QByteArray &data, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

    QString pathFor(const QString &key) const;

private:
    QString m_directory;
};

} // namespace AuthStudio
