// FileStamp: what a file on disk was when the studio last read or wrote it (size, modification time and a
// hash of its bytes), so that Save can tell when something else has written it since: another window,
// a text editor or a `git pull`, whose changes a silent save would throw away.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace AuthStudio {

class FileStamp
{
public:
    FileStamp() = default; // no file
    // The file as it is now; a file that doesn't exist gives an empty stamp.
    static FileStamp of(const QString &path);
    // The same for a file just written with `contents`: hashed from them, not read back.
    static FileStamp of(const QString &path, const QByteArray &contents);

    bool isNull() const { return m_hash.isEmpty(); }
    // Whether the file at `path` now holds other bytes than when this stamp was taken. Cheap when it
    // hasn't been touched (size and time compared first); a file touched but written back the same (a
    // checkout of the same content) is not a change. A stamp of no file, or a file gone, isn't either:
    // saving then writes it afresh.
    bool changedOnDisk(const QString &path) const;

private:
    // The file's size and time, no hash yet; a size of -1 when there is no file.
    static FileStamp sizeAndTime(const QString &path);

    qint64 m_size = -1;
    QDateTime m_modified;
    QByteArray m_hash;
};

} // namespace AuthStudio
