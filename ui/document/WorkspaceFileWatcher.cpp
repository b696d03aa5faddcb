#include "WorkspaceFileWatcher.h"

#include "WorkspaceDocument.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace AuthStudio {

WorkspaceFileWatcher::WorkspaceFileWatcher(WorkspaceDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_settle(new QTimer(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(SettleMs);
    connect(m_settle, &QTimer::timeout, this, &WorkspaceFileWatcher::check);
    connect(document, &WorkspaceDocument::filePathChanged, this, &WorkspaceFileWatcher::follow);
    // Read, saved or reloaded: what the file is compared with has changed (a Save over another program's
    // change ends it).
    connect(document, &WorkspaceDocument::diskStampChanged, this, [this] {
        follow(m_document->filePath());
        check();
    });
    follow(document->filePath());
}

void WorkspaceFileWatcher::follow(const QString &path)
{
    if (path != m_path) {
        if (m_watcher) {
            const QStringList watched = m_watcher->files() + m_watcher->directories();
            if (!watched.isEmpty())
                m_watcher->removePaths(watched);
        }
        m_path = path;
        m_settle->stop();
        m_state = State::Same;
    }
    if (m_path.isEmpty())
        return;
    if (!m_watcher) {
        m_watcher = new QFileSystemWatcher(this);
        connect(m_watcher, &QFileSystemWatcher::fileChanged, m_settle, qOverload<>(&QTimer::start));
        // Any file of the folder may have changed; a look at this one's size and time is cheap.
        connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_settle, qOverload<>(&QTimer::start));
    }
    const QString folder = QFileInfo(m_path).path();
    if (!m_watcher->directories().contains(folder))
        m_watcher->addPath(folder);
    if (QFileInfo(m_path).isFile() && !m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
}

void WorkspaceFileWatcher::check()
{
    if (m_path.isEmpty())
        return;
    follow(m_path); // a file replaced by renaming another over it is watched anew
    if (m_document->removedFromDisk())
        m_state = State::Removed;
    else if (m_document->changedOnDisk())
        m_state = State::Changed;
    else
        m_state = State::Same;
    Q_EMIT checked(m_state);
}

} // namespace AuthStudio
