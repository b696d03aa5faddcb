#include "FileStamp.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace AuthStudio {

namespace {

QByteArray hashOf(const QByteArray &contents)
{
    return QCryptographicHash::hash(contents, QCryptographicHash::Sha256);
}

QByteArray hashOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return hash.result();
}

} // namespace

FileStamp FileStamp::sizeAndTime(const QString &path)
{
    FileStamp stamp;
    const QFileInfo info(path);
    if (info.isFile()) {
        stamp.m_size = info.size();
        stamp.m_modified = info.lastModified();
    }
    return stamp;
}

FileStamp FileStamp::of(const QString &path)
{
    FileStamp stamp = sizeAndTime(path);
    if (stamp.m_size >= 0)
        stamp.m_hash = hashOf(path);
    return stamp;
}

FileStamp FileStamp::of(const QString &path, const QByteArray &contents)
{
    FileStamp stamp = sizeAndTime(path);
    if (stamp.m_size >= 0)
        stamp.m_hash = hashOf(contents);
    return stamp;
}

bool FileStamp::changedOnDisk(const QString &path) const
{
    if (isNull())
        return false;
    const QFileInfo info(path);
    if (!info.isFile())
        return false;
    if (info.size() == m_size && info.lastModified() == m_modified)
        return false;
    const QByteArray now = hashOf(path);
    return !now.isEmpty() && now != m_hash;
}

} // namespace AuthStudio
