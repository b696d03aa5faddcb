#include "Autosaver.h"

#include "WorkspaceDocument.h"
#include "format/WorkspaceFormat.h"
#include "format/WorkspaceWriter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

namespace AuthStudio {

namespace {

const QLatin1String FilePrefix("recovery");

// The origin file: the document's path on the first line (empty when it was never saved), its workspace
// name on the second.
Autosaver::RecoveryOrigin readOrigin(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    return {lines.value(0).trimmed(), lines.value(1).trimmed()};
}

// A lock that only a running owner keeps: QLockFile's default also counts a lock older than 30 s as
// abandoned, which would let a second studio take over the work of one that has run for a minute.
std::unique_ptr<QLockFile> lockFile(const QString &path)
{
    auto lock = std::make_unique<QLockFile>(path);
    lock->setStaleLockTime(0);
    return lock;
}

} // namespace

Autosaver::Autosaver(WorkspaceDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_timer(new QTimer(this))
    , m_directory(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
    , m_id(QUuid::createUuid().toString(QUuid::Id128).left(12))
{
    m_timer->setInterval(DefaultIntervalSeconds * 1000);
    connect(m_timer, &QTimer::timeout, this, &Autosaver::saveNow);
    connect(m_document, &WorkspaceDocument::modifiedChanged, this, &Autosaver::onModifiedChanged);
    if (m_document->isModified())
        m_timer->start();
}

Autosaver::~Autosaver() = default;

void Autosaver::setIntervalSeconds(int seconds)
{
    m_timer->setInterval(qMax(1, seconds) * 1000);
}

int Autosaver::intervalSeconds() const
{
    return m_timer->interval() / 1000;
}

void Autosaver::setDirectory(const QString &directory)
{
    m_directory = directory;
}

// Files of one studio: recovery-ID.authstudio.json, recovery-ID-origin.txt, recovery-ID.lock. An empty
// id names the single recovery file of earlier versions (recovery.authstudio.json), still offered.
Autosaver::Files Autosaver::filesOf(const QString &id) const
{
    const QDir folder(m_directory);
    const QString stem = id.isEmpty() ? QString(FilePrefix) : FilePrefix + QLatin1Char('-') + id;
    return {folder.filePath(stem + WorkspaceFormat::fileSuffix()),
            folder.filePath(stem + QStringLiteral("-origin.txt")),
            folder.filePath(stem + QStringLiteral(".lock"))};
}

QString Autosaver::recoveryFilePath() const
{
    return filesOf(m_id).workspace;
}

bool Autosaver::hasRecovery() const
{
    return QFile::exists(recoveryFilePath());
}

std::optional<Autosaver::LeftRecovery> Autosaver::takeOverLeftRecovery(const QString &forFile)
{
    if (m_takenOverLock)
        return LeftRecovery {filesOf(m_takenOverId).workspace, readOrigin(filesOf(m_takenOverId).origin)};
    const QFileInfoList candidates =
        QDir(m_directory)
            .entryInfoList({FilePrefix + QLatin1Char('*') + WorkspaceFormat::fileSuffix()}, QDir::Files,
                           QDir::Time);
    for (const QFileInfo &candidate : candidates) { // newest first
        QString id =
            candidate.fileName().chopped(WorkspaceFormat::fileSuffix().size()).mid(FilePrefix.size());
        if (!id.isEmpty() && !id.startsWith(QLatin1Char('-')))
            continue; // not a recovery file of ours
        id = id.mid(1);
        if (id == m_id)
            continue;
        if (!forFile.isEmpty() &&
            QFileInfo(readOrigin(filesOf(id).origin).path).absoluteFilePath() !=
                QFileInfo(forFile).absoluteFilePath())
            continue; // another file's work, for a start that asks for it
        auto lock = lockFile(filesOf(id).lock);
        if (!lock->tryLock(0))
            continue; // its studio is still running
        m_takenOverId = id;
        m_takenOverLock = std::move(lock);
        return LeftRecovery {candidate.filePath(), readOrigin(filesOf(id).origin)};
    }
    return std::nullopt;
}

void Autosaver::discardTakenOverRecovery()
{
    if (!m_takenOverLock)
        return;
    const Files files = filesOf(m_takenOverId);
    QFile::remove(files.workspace);
    QFile::remove(files.origin);
    m_takenOverLock.reset(); // unlocks, and removes the lock file
    m_takenOverId.clear();
}

bool Autosaver::saveNow()
{
    if (!m_document->isModified())
        return true;
    if (!QDir().mkpath(m_directory)) {
        m_errorString = tr("Can't create the folder %1").arg(QDir::toNativeSeparators(m_directory));
        Q_EMIT autosaveFailed(m_errorString);
        return false;
    }
    const Files files = filesOf(m_id);
    if (!m_lock) {
        m_lock = lockFile(files.lock);
        // A fresh id: only a failing folder would refuse it, and the write below says so.
        m_lock->tryLock(0);
    }
    // Written even when the workspace is in the middle of an edit that a save would refuse (two steps
    // named alike, a JSON body half typed): that is when work is most easily lost.
    WorkspaceWriter writer;
    if (!writer.writeRecoveryFile(m_document->workspace(), files.workspace)) {
        m_errorString = writer.error().toString();
        Q_EMIT autosaveFailed(m_errorString);
        return false;
    }
    QSaveFile origin(files.origin);
    if (origin.open(QIODevice::WriteOnly)) {
        origin.write(m_document->filePath().toUtf8() + '\n' + m_document->workspace().name.toUtf8());
        origin.commit();
    }
    m_errorString.clear();
    Q_EMIT autosaved(files.workspace);
    return true;
}

void Autosaver::discardRecovery()
{
    const Files files = filesOf(m_id);
    QFile::remove(files.workspace);
    QFile::remove(files.origin);
    m_lock.reset();
}

void Autosaver::onModifiedChanged(bool modified)
{
    if (modified) {
        if (!m_timer->isActive())
            m_timer->start();
    } else {
        m_timer->stop();
        discardRecovery();
    }
}

} // namespace AuthStudio
