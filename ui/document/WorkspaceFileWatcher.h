// WorkspaceFileWatcher: notices when another program writes or removes the open workspace's file (a text
// editor, a second studio window, a `git pull`), so the window can reload it or say so, rather than let a
// later Save throw those changes away unseen. It watches the file and its folder: editors, and QSaveFile,
// replace a file by renaming a new one over it, which ends a watch on the file itself. It checks once
// writes have settled, against what the document last read or wrote (FileStamp), so the studio's own
// saves and a file written back unchanged are not changes.
#pragma once

#include <QObject>

class QFileSystemWatcher;
class QTimer;

namespace AuthStudio {

class WorkspaceDocument;

class WorkspaceFileWatcher : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Same, // what the document last read or wrote, or no file
        Changed, // other bytes than that
        Removed, // gone: deleted or moved away
    };
    Q_ENUM(State)

    // A file written in several pieces (an editor saving, a checkout) is checked once it has been quiet
    // this long.
    static constexpr int SettleMs = 200;

    explicit WorkspaceFileWatcher(WorkspaceDocument *document, QObject *parent = nullptr);

    State state() const { return m_state; }

Q_SIGNALS:
    // After each write to the file or its folder has settled, and when the document reads or saves it.
    // A change written while the window showed an earlier one is announced again.
    void checked(AuthStudio::WorkspaceFileWatcher::State state);

private:
    void follow(const QString &path);
    void check();

    WorkspaceDocument *m_document;
    QFileSystemWatcher *m_watcher = nullptr; // made for the first file: the demo has none
    QTimer *m_settle;
    QString m_path;
    State m_state = State::Same;
};

} // namespace AuthStudio
