#include "FileSecretStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace AuthStudio {

namespace {
void answer(QObject *context, SecretStore::Callback done, SecretStore::Result result)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}
} // namespace

FileSecretStore::FileSecretStore(const QString &directory, QObject *parent)
    : SecretStore(parent)
    , m_directory(directory)
{ }

QString FileSecretStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sessions");
}

QString FileSecretStore::description() const
{
    return QStringLiteral("files in %1 (readable only by you)").arg(m_directory);
}

QString FileSecretStore::pathFor(const QString &key) const
{
    // Hashed so that no resource or profile name becomes a path component.
    const QByteArray hash =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return m_directory + QLatin1Char('/') + QString::fromLatin1(hash) + QStringLiteral(".session");
}

void FileSecretStore::read(const QString &key, QObject *context, Callback done)
{
    QFile file(pathFor(key));
    if (!file.exists()) {
        answer(context, std::move(done), {Error::NotFound, {}, QStringLiteral("no session stored")});
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        answer(context, std::move(done),
               {Error::Failed, {}, QStringLiteral("%1: %2").arg(file.fileName(), file.errorString())});
        return;
    }
    answer(context, std::move(done), {Error::None, file.readAll(), {}});
}

void FileSecretStore::write(const QString &key, const QByteArray &data, QObject *context, Callback done)
{
    QDir dir;
    if (!dir.mkpath(m_directory) ||
        !QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        answer(context, std::move(done),
               {Error::Failed, {}, QStringLiteral("can't create %1").arg(m_directory)});
        return;
    }
    QSaveFile file(pathFor(key));
    // Permissions are set before any byte is written, so the secret is never readable by others.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(data) != data.size() || !file.commit()) {
        answer(context, std::move(done),
               {Error::Failed, {}, QStringLiteral("%1: %2").arg(file.fileName(), file.errorString())});
        return;
    }
    answer(context, std::move(done), {});
}

void FileSecretStore::remove(const QString &key, QObject *context, Callback done)
{
    QFile::remove(pathFor(key));
    answer(context, std::move(done), {});
}

} // namespace AuthStudio
