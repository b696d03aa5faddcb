#include "Autosaver.h"

#include "WorkspaceDocument.h"
#include "format/WorkspaceWriter.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

namespace AuthStudio {

Autosaver::Autosaver(WorkspaceDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_timer(new QTimer(this))
    , m_directory(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
{
    m_timer->setInterval(DefaultIntervalSeconds * 1000);
    connect(m_timer, &QTimer::timeout, this, &Autosaver::saveNow);
    connect(m_document, &WorkspaceDocument::modifiedChanged, this, &Autosaver::onModifiedChanged);
    // Not onModifiedChanged(false): a recovery file left by a crash must survive until it was offered.
    if (m_document->isModified())
        m_timer->start();
}

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

QString Autosaver::recoveryFilePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("recovery.authstudio.json"));
}

QString Autosaver::originPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("recovery-origin.txt"));
}

bool Autosaver::hasRecovery() const
{
    return QFile::exists(recoveryFilePath());
}

// The origin file: the document's path on the first line (empty when it was never saved), its workspace
// name on the second.
Autosaver::RecoveryOrigin Autosaver::recoveryOrigin() const
{
    QFile file(originPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    return {lines.value(0).trimmed(), lines.value(1).trimmed()};
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
    // A workspace in the middle of an edit may not validate (two steps named alike): the previous
    // recovery file stays, and the next tick tries again.
    WorkspaceWriter writer;
    if (!writer.writeFile(m_document->workspace(), recoveryFilePath())) {
        m_errorString = writer.error().toString();
        Q_EMIT autosaveFailed(m_errorString);
        return false;
    }
    QSaveFile origin(originPath());
    if (origin.open(QIODevice::WriteOnly)) {
        origin.write(m_document->filePath().toUtf8() + '\n' + m_document->workspace().name.toUtf8());
        origin.commit();
    }
    m_errorString.clear();
    Q_EMIT autosaved(recoveryFilePath());
    return true;
}

void Autosaver::discardRecovery()
{
    QFile::remove(recoveryFilePath());
    QFile::remove(originPath());
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
